"""E-mails of the accounts app, queued in the outbox (``dife.notifications``). Never a NIR in them."""

from __future__ import annotations

import uuid

from dife.accounts.models import User
from dife.notifications.services import queue


def send_code(*, to: str, code: str, minutes: int, max_attempts: int, key: uuid.UUID) -> None:
    """The one-time code (masked in the outbox once sent)."""
    queue(
        to=to,
        template="code_confirmation",
        context={"code": code, "minutes": minutes, "max_attempts": max_attempts},
        dedup_key=f"accounts.email_code:{key}",
        secrets=("code",),
    )


def send_password_changed(*, user: User) -> None:
    if user.email:
        queue(to=user.email, template="mot_de_passe_modifie", context={})


def send_password_reset_link(*, to: str, link: str, minutes: int) -> None:
    """The single-use reset link (masked in the outbox once sent)."""
    queue(
        to=to,
        template="mot_de_passe_oublie",
        context={"link": link, "minutes": minutes},
        secrets=("link",),
    )
