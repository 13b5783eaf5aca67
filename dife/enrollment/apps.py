from django.apps import AppConfig


class EnrollmentConfig(AppConfig):
    name = "dife.enrollment"
    label = "enrollment"
    verbose_name = "Dossiers d'inscription"
