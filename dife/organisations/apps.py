from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "dife.organisations"
    label = "organisations"
    verbose_name = "Organisations (organismes, gestionnaire, collectivités)"
