from django.apps import AppConfig


class ExitsConfig(AppConfig):
    name = "fincloud.web.exits"
    label = "exits"
    default_auto_field = "django.db.models.BigAutoField"
