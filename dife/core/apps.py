from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "dife.core"
    label = "core"
    verbose_name = "Socle"
