from django.urls import path

from fincloud.web.committee import views

app_name = "committee"
urlpatterns = [
    path("workloads/<slug:key>/", views.workload_page, name="workload"),
    path("", views.meetings, name="meetings"),
]
