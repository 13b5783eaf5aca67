"""Write to the audit journal. Never put a NIR, a password or a document in `data`."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from dife.audit import actions
from dife.audit.models import Event
from dife.core.client_ip import client_ip  # noqa: F401 (kept importable from here)


def record(
    *,
    action: str,
    actor=None,
    target: models.Model | None = None,
    request=None,
    **data,
) -> Event:
    if getattr(settings, "AUDIT_CHECK_ACTIONS", settings.DEBUG):
        actions.check(action)  # dev and tests: every name is declared in dife/audit/actions.py
    if actor is None and request is not None and getattr(request, "user", None) is not None:
        actor = request.user if request.user.is_authenticated else None
    return Event.objects.create(
        action=action,
        actor=actor,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        ip_address=client_ip(request),
        data=data,
    )
