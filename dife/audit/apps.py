from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "dife.audit"
    label = "audit"
    verbose_name = "Journal d'audit"
