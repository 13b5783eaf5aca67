from django.apps import AppConfig


class WwwProConfig(AppConfig):
    name = "dife.www.pro"
    label = "www_pro"
