from django.apps import AppConfig


class CommitteeConfig(AppConfig):
    name = "fincloud.web.committee"
    label = "committee"
    default_auto_field = "django.db.models.BigAutoField"
