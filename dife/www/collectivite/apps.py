from django.apps import AppConfig


class WwwCollectiviteConfig(AppConfig):
    name = "dife.www.collectivite"
    label = "www_collectivite"
