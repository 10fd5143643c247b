from django.urls import path

from fincloud.web.exits import views

app_name = "exits"
urlpatterns = [
    path("workloads/<slug:key>/", views.workload_page, name="workload"),
    path("workloads/<slug:key>/start/", views.start, name="start"),
    path("workloads/<slug:key>/migration/", views.migrate, name="migrate"),
    path("workloads/<slug:key>/destruction/", views.destroy, name="destroy"),
    path("workloads/<slug:key>/change-report/", views.change_report, name="change_report"),
]
