"""E-mail to the élu when a gestionnaire decides on a rattachement request (queued in the outbox)."""

from __future__ import annotations

from django.utils import timezone

from dife.core.templatetags.dates_fr import date_fr
from dife.notifications.services import queue


def send_decision(*, rattachement) -> None:
    email = rattachement.user.email
    if not email:
        return
    queue(
        to=email,
        template="rattachement_decision",
        context={
            "approved": rattachement.status == rattachement.Status.APPROVED,
            "requested_on": date_fr(timezone.localtime(rattachement.created_at), "j F Y"),
            "refusal_reason": rattachement.motif_refus,
        },
        dedup_key=f"mandates.rattachement:{rattachement.pk}:{rattachement.status}",
    )
