from django.apps import AppConfig


class WwwOfConfig(AppConfig):
    name = "dife.www.of"
    label = "www_of"
