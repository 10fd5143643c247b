from django.urls import path

from fincloud.web.exits import views

app_name = "exits"
urlpatterns = [
    path("workloads/<slug:key>/", views.workload_page, name="workload"),
]
