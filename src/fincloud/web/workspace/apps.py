from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "fincloud.web.workspace"
    label = "workspace"
    default_auto_field = "django.db.models.BigAutoField"
