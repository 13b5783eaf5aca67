from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "dife.identity"
    label = "identity"
    verbose_name = "Identité des élus (FranceConnect+, vérification manuelle)"
