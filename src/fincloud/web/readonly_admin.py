"""Django admin for the workspace's tables, read-only: every change to workflow state must go
through the workspace pages or the API, which validate it and record it in the audit trail in the
same transaction. The admin is for a superuser to look things up, not a side door."""

from __future__ import annotations

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def register(*models, list_display: tuple[str, ...] = ("__str__",)) -> None:
    for model in models:
        admin.site.register(model, type(f"{model.__name__}Admin", (ReadOnlyAdmin,), {"list_display": list_display}))
