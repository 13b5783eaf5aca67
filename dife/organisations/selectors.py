"""Read-side queries on organisations, memberships and invitations."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from dife.accounts.models import User
from dife.organisations.models import Invitation, Membership, Organisation


def membership_of(user: User | AnonymousUser | None) -> Membership | None:
    """The staff user's membership (one organisation per staff account), or None."""
    if not isinstance(user, User):  # anonymous or no user
        return None
    return Membership.objects.select_related("organisation").filter(user=user).first()


def members(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by("user__last_name", "user__first_name")


def pending_invitations(organisation: Organisation) -> QuerySet[Invitation]:
    return organisation.invitations.pending().select_related("invited_by").order_by("-created_at")


def partner_organisations() -> QuerySet[Organisation]:
    """Organisations the agency works with (OFs and collectivités), with their member counts."""
    from django.db.models import Count

    return (
        Organisation.objects.exclude(kind=Organisation.Kind.GESTIONNAIRE)
        .annotate(nb_membres=Count("memberships"))
        .order_by("kind", "nom")
    )


def territory_name(collectivite_type: str, code: str) -> str | None:
    """The name of the collectivité in the territorial reference data, or None when the code is unknown."""
    from dife.referentiel import models as ref
    from dife.referentiel.selectors import commune_by_code

    code = (code or "").strip().upper()
    kind = Organisation.CollectiviteType
    if collectivite_type == kind.COMMUNE:
        commune = commune_by_code(code)
        return commune.nom if commune is not None and commune.type == "COM" else None
    models: dict[str, type[ref.EPCI | ref.Departement | ref.Region]] = {
        kind.EPCI: ref.EPCI,
        kind.DEPARTEMENT: ref.Departement,
        kind.REGION: ref.Region,
    }
    model = models.get(collectivite_type)
    if model is None:
        return None
    found = model.objects.filter(code=code).values_list("nom", flat=True).first()
    return found
