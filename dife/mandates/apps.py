from django.apps import AppConfig


class MandatesConfig(AppConfig):
    name = "dife.mandates"
    label = "mandates"
    verbose_name = "Registre des mandats"
