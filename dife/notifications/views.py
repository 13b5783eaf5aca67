"""Local mailbox (dev only, DEBUG): the e-mails the platform sent or is about to send."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from dife.notifications.models import Email
from dife.notifications.rendering import render as render_email


def _debug_only() -> None:
    if not settings.DEBUG:
        raise Http404


def _rendered(email: Email) -> Email:
    if email.status != Email.Status.SENT:
        rendered = render_email(email.template, email.context)
        email.subject, email.body_text, email.body_html = rendered.subject, rendered.text, rendered.html
    return email


@require_GET
def courriels(request):
    _debug_only()
    emails = Email.objects.all()
    to = (request.GET.get("a") or "").strip()
    if to:
        emails = emails.filter(to__iexact=to)
    emails = [_rendered(e) for e in emails.order_by("-id")[:100]]
    selected = None
    if request.GET.get("id", "").isdigit():
        selected = next((e for e in emails if e.pk == int(request.GET["id"])), None)
    return render(request, "notifications/courriels.html", {"emails": emails, "selected": selected, "to": to})


@require_GET
def courriel_html(request, pk: int):
    _debug_only()
    email = _rendered(get_object_or_404(Email, pk=pk))
    response = HttpResponse(email.body_html)
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return response
