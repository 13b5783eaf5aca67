from django.apps import AppConfig


class RechercheConfig(AppConfig):
    name = "dife.www.recherche"
    label = "www_recherche"
    verbose_name = "Recherche de formations"
