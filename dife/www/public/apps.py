from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "dife.www.public"
    label = "www_public"
    verbose_name = "Pages publiques"
