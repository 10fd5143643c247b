from django.urls import path

from fincloud.web.reports import views

app_name = "reports"
urlpatterns = [
    path("workloads/<slug:key>/", views.workload_page, name="workload"),
    path("workloads/<slug:key>/generate/", views.generate, name="generate"),
    path("workloads/<slug:key>/submit/", views.submit, name="submit"),
    path("workloads/<slug:key>/attachments/", views.attachment_update, name="attachment"),
]
