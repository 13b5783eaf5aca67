from django.apps import AppConfig


class FormationConfig(AppConfig):
    name = "dife.www.formation"
    label = "www_formation"
    verbose_name = "Fiche formation"
