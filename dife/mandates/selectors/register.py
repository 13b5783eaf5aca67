"""Read-side queries on the mandate registry."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from dife.mandates.models import Mandate


def current_mandates(on: date | None = None) -> QuerySet[Mandate]:
    """Mandates still in the register and not ended on ``on`` (today by default)."""
    on = on or timezone.localdate()
    return Mandate.objects.filter(removed_from_register_on__isnull=True).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=on)
    )


def public_counts() -> dict[str, int]:
    """Public figures: ``elus`` = distinct persons holding at least one current mandate,
    ``mandats`` = current mandates (a municipal and a communautaire seat count as two)."""
    counts = current_mandates().aggregate(elus=Count("person", distinct=True), mandats=Count("id"))
    return {"elus": counts["elus"], "mandats": counts["mandats"]}
