from django.urls import path

from fincloud.web.evaluations import views

app_name = "evaluations"
urlpatterns = [
    path("", views.questionnaire_list, name="list"),
    path("portal/", views.portal, name="portal"),
    path("new/<slug:key>/", views.questionnaire_create, name="create"),
    path("<int:pk>/", views.questionnaire_detail, name="detail"),
    path("<int:pk>/send/", views.questionnaire_send, name="send"),
    path("<int:pk>/items/<str:item>/answer/", views.answer, name="answer"),
    path("<int:pk>/items/<str:item>/evidence/", views.evidence, name="evidence"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("<int:pk>/export.json", views.export_json, name="export_json"),
    path("<int:pk>/import/", views.import_answers, name="import"),
    path("<int:pk>/items/<str:item>/verify/", views.verify, name="verify"),
    path("<int:pk>/close/", views.close, name="close"),
    path("deficiencies/<int:pk>/", views.deficiency, name="deficiency"),
]
