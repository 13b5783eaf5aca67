from django.apps import AppConfig


class ReferentielConfig(AppConfig):
    name = "dife.referentiel"
    label = "referentiel"
    verbose_name = "Référentiel territorial"
