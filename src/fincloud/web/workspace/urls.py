from django.urls import path

from fincloud.web.workspace.views import dashboard, files, institution, portfolio, providers, workloads

app_name = "workspace"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("institution/", institution.institution, name="institution"),
    path("calendar/", dashboard.obligations_calendar, name="calendar"),
    path("calendar.ics", dashboard.calendar_ics, name="calendar_ics"),
    path("workloads/", workloads.workload_list, name="workloads"),
    path("workloads/new/", workloads.workload_edit, name="workload_new"),
    path("workloads/<slug:key>/", workloads.workload_detail, name="workload"),
    path("workloads/<slug:key>/edit/", workloads.workload_edit, name="workload_edit"),
    path("workloads/<slug:key>/scope/", workloads.workload_scope, name="workload_scope"),
    path("workloads/<slug:key>/importance/", workloads.workload_importance, name="workload_importance"),
    path("workloads/<slug:key>/evaluation/", workloads.workload_evaluation, name="workload_evaluation"),
    path("workloads/<slug:key>/safeguards/", workloads.workload_safeguards, name="workload_safeguards"),
    path("workloads/<slug:key>/safeguards/<str:requirement>/", workloads.safeguard_update, name="safeguard_update"),
    path("workloads/<slug:key>/exit-plan/", workloads.workload_exit, name="workload_exit"),
    path("workloads/<slug:key>/events/new/", workloads.workload_event, name="workload_event"),
    path("workloads/<slug:key>/timeline/", workloads.workload_timeline, name="workload_timeline"),
    path("providers/", providers.provider_list, name="providers"),
    path("providers/new/", providers.provider_edit, name="provider_new"),
    path("providers/<slug:key>/", providers.provider_detail, name="provider"),
    path("providers/<slug:key>/edit/", providers.provider_edit, name="provider_edit"),
    path("providers/<slug:key>/<str:field>/add/", providers.provider_list_add, name="provider_list_add"),
    path("providers/<slug:key>/<str:field>/<int:index>/remove/", providers.provider_list_remove,
         name="provider_list_remove"),
    path("files/<int:pk>/", files.file_download, name="file"),
    path("portfolio/import/", portfolio.portfolio_import, name="portfolio_import"),
    path("portfolio/export/", portfolio.portfolio_export, name="portfolio_export"),
]
