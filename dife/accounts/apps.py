from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "dife.accounts"
    label = "accounts"
    verbose_name = "Comptes"
