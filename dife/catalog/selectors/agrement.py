"""Read side of the gestionnaire's agrément screens: the OFs, their agrément status, the history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Q, QuerySet

from dife.audit.models import Event
from dife.catalog.models import Action, ActionSearch, Contexte, OrganismeProfile, Status
from dife.catalog.services.agrement import AUDIT_ACTION
from dife.organisations.models import Organisation


@dataclass(frozen=True)
class AgrementStatus:
    code: str  # "agree", "a_venir", "expire", "sans"
    label: str


AGREE = AgrementStatus("agree", "Agréé")
A_VENIR = AgrementStatus("a_venir", "Agrément à venir")
EXPIRE = AgrementStatus("expire", "Agrément expiré")
SANS = AgrementStatus("sans", "Sans agrément")


def agrement_status(profile: OrganismeProfile | None, *, today: date) -> AgrementStatus:
    if profile is None or profile.agrement_debut is None or profile.agrement_fin is None:
        return SANS
    if profile.agrement_fin < today:
        return EXPIRE
    if profile.agrement_debut > today:
        return A_VENIR
    return AGREE


@dataclass(frozen=True)
class OrganismeRow:
    organisation: Organisation
    profile: OrganismeProfile | None
    status: AgrementStatus


def search_organismes(query: str = "") -> QuerySet[Organisation]:
    """The training organisations, by name; ``query`` matches a part of the name or of the SIRET."""
    organisations = Organisation.objects.filter(kind=Organisation.Kind.ORGANISME).select_related(
        "organisme_profile"
    )
    query = query.strip()
    if query:
        digits = query.replace(" ", "")
        match = Q(nom__unaccent__icontains=query)
        if digits.isdigit():
            match |= Q(siret__contains=digits)
        organisations = organisations.filter(match)
    return organisations.order_by("nom", "pk")


def organisme_rows(organisations: Iterable[Organisation], *, today: date) -> list[OrganismeRow]:
    rows = []
    for organisation in organisations:
        profile = getattr(organisation, "organisme_profile", None)
        rows.append(OrganismeRow(organisation, profile, agrement_status(profile, today=today)))
    return rows


@dataclass(frozen=True)
class CatalogFigures:
    mandate_actions: int  # actions of mandate trainings, all statuses but closed
    mandate_published: int
    listed: int  # actions listed for élus today (search rows)


def catalog_figures(profile: OrganismeProfile | None) -> CatalogFigures:
    if profile is None:
        return CatalogFigures(0, 0, 0)
    mandate = Q(formation__contexte=Contexte.MANDAT) & ~Q(status=Status.CLOSED)
    figures = Action.objects.filter(formation__organisme=profile).aggregate(
        mandate_actions=Count("pk", filter=mandate),
        mandate_published=Count("pk", filter=mandate & Q(status=Status.PUBLISHED)),
    )
    listed = ActionSearch.objects.filter(formation__organisme=profile).count()
    return CatalogFigures(figures["mandate_actions"], figures["mandate_published"], listed)


@dataclass(frozen=True)
class HistoryRow:
    occurred_at: datetime
    actor: str
    agrement_debut: date | None
    agrement_fin: date | None
    qualiopi: bool
    motif: str


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def agrement_history(profile: OrganismeProfile | None, *, limit: int = 20) -> list[HistoryRow]:
    """The agrément changes recorded for the OF (audit journal), newest first."""
    if profile is None:
        return []
    events = (
        Event.objects.filter(
            action=AUDIT_ACTION, target_type=OrganismeProfile._meta.label_lower, target_id=str(profile.pk)
        )
        .select_related("actor")
        .order_by("-occurred_at", "-pk")[:limit]
    )
    rows = []
    for event in events:
        after = event.data.get("apres", {})
        actor = event.actor.get_full_name() or event.actor.email if event.actor else "Système"
        rows.append(
            HistoryRow(
                occurred_at=event.occurred_at,
                actor=actor,
                agrement_debut=_date(after.get("agrement_debut")),
                agrement_fin=_date(after.get("agrement_fin")),
                qualiopi=bool(after.get("qualiopi")),
                motif=event.data.get("motif", ""),
            )
        )
    return rows
