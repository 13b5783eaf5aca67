"""E-mail templates: ``notifications/emails/<name>_subject.txt``, ``<name>.txt`` and ``<name>.html``
(the HTML one extends ``notifications/emails/base.html``, plain and DSFR-like)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def site_url() -> str:
    return getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def render(template: str, context: dict) -> Rendered:
    context = {**context, "service": settings.SERVICE_NAME, "site_url": site_url()}
    subject = " ".join(render_to_string(f"notifications/emails/{template}_subject.txt", context).split())
    text = render_to_string(f"notifications/emails/{template}.txt", context).strip() + "\n"
    html = render_to_string(f"notifications/emails/{template}.html", context)
    return Rendered(subject=subject[:250], text=text, html=html)
