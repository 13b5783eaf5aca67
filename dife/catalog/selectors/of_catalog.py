"""Reads of a provider's own catalog ("Mon catalogue"): everything is scoped to the provider, so an
object of another provider is simply not found (the views answer 404)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, Q, QuerySet

from dife.accounts.models import User
from dife.catalog.models import Action, Formation, OrganismeProfile, Session, Status
from dife.organisations.models import Organisation
from dife.organisations.selectors import membership_of


def organisme_of(user: User | AnonymousUser) -> tuple[Organisation | None, OrganismeProfile | None]:
    """(the staff user's organisation, its catalog profile or None when the catalog is not open yet)."""
    membership = membership_of(user)
    if membership is None or membership.organisation.kind != "organisme":
        return None, None
    profile = (
        OrganismeProfile.objects.select_related("organisation").filter(pk=membership.organisation_id).first()
    )
    return membership.organisation, profile


def formations(organisme: OrganismeProfile, *, status: str = "") -> QuerySet[Formation]:
    """The provider's formations with their actions (and the actions' session counts)."""
    actions = Action.objects.select_related("commune").annotate(
        nb_sessions=Count("sessions"),
        nb_ouvertes=Count("sessions", filter=Q(sessions__status=Session.Status.OPEN)),
    )
    queryset = organisme.formations.prefetch_related(
        Prefetch("actions", queryset=actions.order_by("reference"))
    )
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("intitule", "reference")


def formation_of(organisme: OrganismeProfile, numero: str) -> Formation | None:
    return organisme.formations.select_related("organisme__organisation").filter(numero=numero).first()


def action_of(organisme: OrganismeProfile, numero: str) -> Action | None:
    return (
        Action.objects.select_related("formation__organisme__organisation", "commune")
        .filter(formation__organisme=organisme, numero=numero)
        .first()
    )


def session_of(organisme: OrganismeProfile, pk: int) -> Session | None:
    return (
        Session.objects.select_related("action__formation__organisme__organisation", "action__commune")
        .filter(action__formation__organisme=organisme, pk=pk)
        .first()
    )


def counts(organisme: OrganismeProfile) -> dict[str, int]:
    totals = organisme.formations.aggregate(
        nb_formations=Count("id", distinct=True),
        nb_actions=Count("actions", distinct=True),
        nb_publiees=Count("actions", filter=Q(actions__status=Status.PUBLISHED), distinct=True),
    )
    return {
        "formations": totals["nb_formations"],
        "actions": totals["nb_actions"],
        "actions_publiees": totals["nb_publiees"],
    }
