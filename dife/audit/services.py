"""Write to the audit journal. Never put a NIR, a password or a document in `data`."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.http import HttpRequest

from dife.audit import actions
from dife.audit.models import Event
from dife.core.client_ip import client_ip  # noqa: F401 (kept importable from here)


def record(
    *,
    action: str,
    actor: AbstractBaseUser | None = None,
    target: models.Model | None = None,
    request: HttpRequest | None = None,
    **data: Any,
) -> Event:
    """``actor``: the user model (``accounts.User``, which audit cannot import: accounts imports audit)."""
    if getattr(settings, "AUDIT_CHECK_ACTIONS", settings.DEBUG):
        actions.check(action)  # dev and tests: every name is declared in dife/audit/actions.py
    user = getattr(request, "user", None)
    if actor is None and user is not None and user.is_authenticated:
        actor = user
    return Event.objects.create(
        action=action,
        actor_id=actor.pk if actor is not None else None,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        ip_address=client_ip(request),
        data=data,
    )
