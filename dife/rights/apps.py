from django.apps import AppConfig


class RightsConfig(AppConfig):
    name = "dife.rights"
    label = "rights"
    verbose_name = "Droits DIFE"
