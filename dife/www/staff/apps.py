from django.apps import AppConfig


class WwwStaffConfig(AppConfig):
    name = "dife.www.staff"
    label = "www_staff"
