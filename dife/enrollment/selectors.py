"""Reads of the dossiers: the élu's list, the OF's queue, the gestionnaire's settlements, public figures."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from dife.accounts.models import User
from dife.core.formatting import json_amount
from dife.enrollment.models import Dossier, Settlement, Transition
from dife.enrollment.perms import organisation_ids
from dife.enrollment.states import CONFIRMED, OF_DECLARATION_DUE, State

RELATED = ("session", "action__formation", "organisme__organisation", "elu__elu_profile")


def dossiers_of_elu(user: User) -> QuerySet[Dossier]:
    return Dossier.objects.filter(elu=user).select_related(*RELATED).order_by("-submitted_at", "-id")


# The OF's work: a request to answer, or a declaration due (entry, exit, service fait).
OF_TODO = (State.SUBMITTED, *OF_DECLARATION_DUE)


def of_queue(user: User, *, todo_only: bool = True) -> QuerySet[Dossier]:
    """ "Dossiers à traiter": the OF's dossiers, the nearest deadline first."""
    dossiers = Dossier.objects.filter(organisme_id__in=organisation_ids(user)).select_related(*RELATED)
    if todo_only:
        return dossiers.filter(state__in=OF_TODO).order_by("deadline", "id")
    return dossiers.order_by("-submitted_at", "-id")


def of_counts(user: User) -> dict[str, int]:
    rows = (
        Dossier.objects.filter(organisme_id__in=organisation_ids(user))
        .values("state")
        .annotate(n=Count("id"))
    )
    return {row["state"]: row["n"] for row in rows}


def settlements_to_validate() -> QuerySet[Settlement]:
    return (
        Settlement.objects.filter(status=Settlement.Status.TO_VALIDATE)
        .select_related(
            "dossier__action__formation", "dossier__organisme__organisation", "dossier__elu__elu_profile"
        )
        .order_by("computed_at", "id")
    )


def settlements_validated(limit: int = 50) -> QuerySet[Settlement]:
    return (
        Settlement.objects.filter(status=Settlement.Status.VALIDATED)
        .select_related("dossier__action__formation", "dossier__organisme__organisation", "validated_by")
        .order_by("-validated_at", "-id")[:limit]
    )


def log_of(dossier: Dossier) -> QuerySet[Transition]:
    return dossier.transitions.select_related("actor").order_by("id")


def public_counts() -> dict:
    """``/stats.json``: dossiers per state and the DIFE amount engaged by confirmed dossiers."""
    rows = dict(Dossier.objects.values_list("state").annotate(n=Count("id")).values_list("state", "n"))
    engaged = Dossier.objects.aggregate(
        total=Sum("rights_engaged", filter=Q(state__in=[str(s) for s in CONFIRMED]))
    )["total"]
    return {
        "dossiers": {state: rows.get(state, 0) for state in State.values},
        "montant_engage": json_amount(engaged or Decimal("0.00")),
    }
