"""django.contrib.admin's app config with our site (``dife.audit.admin_site``), imported by the settings
before the apps are loaded (so the site module, which needs them, is named here, not imported)."""

from __future__ import annotations

from django.contrib.admin.apps import AdminConfig

# No OTP device is editable in the administration: its key is the second factor of a staff account.
OTP_DEVICE_MODELS = (
    "otp_totp.TOTPDevice",
    "otp_static.StaticDevice",
    "otp_hotp.HOTPDevice",
    "otp_email.EmailDevice",
)


class TechnicalAdminConfig(AdminConfig):
    default_site = "dife.audit.admin_site.TechnicalAdminSite"

    def ready(self):
        super().ready()  # autodiscovers every app's admin module
        from django.apps import apps
        from django.contrib import admin

        for label in OTP_DEVICE_MODELS:
            try:
                model = apps.get_model(label)
            except LookupError:
                continue
            if admin.site.is_registered(model):
                admin.site.unregister(model)
