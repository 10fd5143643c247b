from django.urls import path

from fincloud.web.reports import views

app_name = "reports"
urlpatterns = [
    path("workloads/<slug:key>/", views.workload_page, name="workload"),
]
