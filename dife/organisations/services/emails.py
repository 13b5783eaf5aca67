"""E-mails of the staff accounts, sent once the transaction commits."""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    if request is not None:
        return request.build_absolute_uri(path)
    base = getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")
    return base + path


def send_on_commit(*, to: str, subject: str, template: str, context: dict) -> None:
    context = {"SERVICE_NAME": settings.SERVICE_NAME, **context}
    body = render_to_string(f"organisations/emails/{template}.txt", context)
    transaction.on_commit(
        partial(send_mail, f"{subject} — {settings.SERVICE_NAME}", body, None, [to], fail_silently=False)
    )
