from django.urls import path

from fincloud.web.contracts import views

app_name = "contracts"
urlpatterns = [
    path("workloads/<slug:key>/", views.workload_page, name="workload"),
]
