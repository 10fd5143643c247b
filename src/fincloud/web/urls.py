"""URL map: one include per app, each app's URLs named within its namespace."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("fincloud.web.workspace.urls")),
    path("accounts/", include("fincloud.web.accounts.urls")),
    path("evaluations/", include("fincloud.web.evaluations.urls")),
    path("committee/", include("fincloud.web.committee.urls")),
    path("contracts/", include("fincloud.web.contracts.urls")),
    path("reports/", include("fincloud.web.reports.urls")),
    path("exits/", include("fincloud.web.exits.urls")),
    path("audit/", include("fincloud.web.audit.urls")),
    path("api/", include("fincloud.web.api.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
