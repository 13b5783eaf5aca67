from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "dife.notifications"
    label = "notifications"
    verbose_name = "Courriels"
