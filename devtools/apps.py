from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Demo data commands (``load_demo``, ``generate_catalog``): dev and test settings only."""

    name = "devtools"
    verbose_name = "Outils de développement"
