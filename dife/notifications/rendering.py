"""E-mail templates: ``notifications/emails/<name>_subject.txt``, ``<name>.txt`` and, when the e-mail
has an HTML version, ``<name>.html`` (it extends ``notifications/emails/base.html``, plain and
DSFR-like). The context is the JSON stored in the outbox, plus ``service`` and ``site_url``."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string

DEFAULT_SITE_URL = "http://127.0.0.1:8000"


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def site_url() -> str:
    """The address links in e-mails start with (``SITE_URL``; the one default is here)."""
    return (getattr(settings, "SITE_URL", "") or DEFAULT_SITE_URL).rstrip("/")


def render(template: str, context: dict) -> Rendered:
    context = {**context, "service": settings.SERVICE_NAME, "site_url": site_url()}
    subject = " ".join(render_to_string(f"notifications/emails/{template}_subject.txt", context).split())
    text = render_to_string(f"notifications/emails/{template}.txt", context).strip() + "\n"
    try:
        html_template = get_template(f"notifications/emails/{template}.html")
    except TemplateDoesNotExist:  # a text-only e-mail
        html = ""
    else:
        html = html_template.render(context)
    return Rendered(subject=subject[:250], text=text, html=html)
