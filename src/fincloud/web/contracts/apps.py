from django.apps import AppConfig


class ContractsConfig(AppConfig):
    name = "fincloud.web.contracts"
    label = "contracts"
    default_auto_field = "django.db.models.BigAutoField"
