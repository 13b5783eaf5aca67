from django.apps import AppConfig


class WwwDossiersConfig(AppConfig):
    name = "dife.www.dossiers"
    label = "www_dossiers"
