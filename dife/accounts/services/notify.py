"""E-mails of the accounts app, sent after the transaction commits. Never a NIR in them."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from dife.accounts.models import User


def send_templated(*, to: str, template: str, context: dict) -> None:
    subject = render_to_string(f"accounts/emails/{template}_subject.txt", context).strip()
    body = render_to_string(f"accounts/emails/{template}.txt", {**context, "service": settings.SERVICE_NAME})
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to]))


def send_password_changed(*, user: User) -> None:
    if user.email:
        send_templated(to=user.email, template="mot_de_passe_modifie", context={"user": user})
