"""The technical administration (Django admin), hardened (security review F4).

* ``TechnicalAdminSite`` is django-otp's ``OTPAdminSite``: a TOTP code is required after the password.
* It is mounted at ``settings.ADMIN_URL`` (``config/urls.py``), never at ``/admin/``.
* No OTP device is registered (no TOTP key can be read or set here): staff enrol their own device.
* Every ModelAdmin registered on it journals its additions, changes and deletions
  (``admin.add`` / ``admin.change`` / ``admin.delete`` in the audit journal, with the address).
"""

from __future__ import annotations

from django_otp.admin import OTPAdminSite


def _journal(request, obj, action: str, **data) -> None:
    from dife.audit.services import record

    record(action=f"admin.object.{action}", actor=request.user, target=obj, request=request, **data)


class JournaledAdminMixin:
    """Writes each admin change to the audit journal, besides Django's own LogEntry."""

    def log_addition(self, request, obj, message):
        _journal(request, obj, "added")
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        _journal(request, obj, "changed")
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            _journal(request, obj, "deleted", repr=str(obj)[:200])
        return super().log_deletions(request, queryset)


class TechnicalAdminSite(OTPAdminSite):
    site_header = "Administration technique"
    site_title = "Administration technique"

    def register(self, model_or_iterable, admin_class=None, **options):
        from django.contrib.admin import ModelAdmin

        base = admin_class or ModelAdmin
        journaled = type(
            f"Journaled{base.__name__}", (JournaledAdminMixin, base), {"__module__": base.__module__}
        )
        return super().register(model_or_iterable, journaled, **options)
