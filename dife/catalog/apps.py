from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "dife.catalog"
    label = "catalog"
    verbose_name = "Catalogue des formations"
