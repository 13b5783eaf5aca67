from django.apps import AppConfig


class WwwElusConfig(AppConfig):
    name = "dife.www.elus"
    label = "www_elus"
