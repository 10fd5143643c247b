from django.urls import path

from fincloud.web.contracts import views

app_name = "contracts"
urlpatterns = [
    path("workloads/<slug:key>/", views.workload_page, name="workload"),
    path("workloads/<slug:key>/upload/", views.upload, name="upload"),
    path("workloads/<slug:key>/signed/", views.signed, name="signed"),
    path("workloads/<slug:key>/findings/<int:pk>/confirm/", views.confirm, name="confirm"),
]
