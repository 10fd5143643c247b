from django.urls import path

from fincloud.web.evaluations import views

app_name = "evaluations"
urlpatterns = [
    path("", views.questionnaire_list, name="list"),
    path("portal/", views.portal, name="portal"),
    path("new/<slug:key>/", views.questionnaire_create, name="create"),
    path("<int:pk>/", views.questionnaire_detail, name="detail"),
]
