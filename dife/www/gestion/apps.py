from django.apps import AppConfig


class WwwGestionConfig(AppConfig):
    name = "dife.www.gestion"
    label = "www_gestion"
