"""E-mail to the élu when a gestionnaire decides on a rattachement request (after commit)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string


def send_decision(*, rattachement) -> None:
    email = rattachement.user.email
    if not email:
        return
    context = {"rattachement": rattachement, "service": settings.SERVICE_NAME}
    subject = render_to_string("mandates/emails/rattachement_decision_subject.txt", context).strip()
    body = render_to_string("mandates/emails/rattachement_decision.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email]))
