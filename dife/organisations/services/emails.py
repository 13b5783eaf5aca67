"""E-mails of the staff accounts, queued in the outbox (``dife.notifications``)."""

from __future__ import annotations

from django.http import HttpRequest

from dife.notifications.rendering import site_url
from dife.notifications.services import queue


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    if request is not None:
        return request.build_absolute_uri(path)
    return site_url() + path


def send_invitation(*, to: str, context: dict, key: str) -> None:
    """The invitation link (masked in the outbox once sent)."""
    queue(to=to, template="staff_invitation", context=context, dedup_key=key, secrets=("link",))


def send_password_reset(*, to: str, link: str) -> None:
    """The single-use reset link (masked in the outbox once sent)."""
    queue(to=to, template="staff_password_reset", context={"link": link}, secrets=("link",))
