"""Actions (modality, place, hours, price) and their sessions; publishing checks eligibility."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from dife.accounts.models import User
from dife.audit.services import record
from dife.catalog import eligibility, perms
from dife.catalog.models import Action, Formation, Modalite, OrganismeProfile, Rythme, Session, Status
from dife.catalog.services.errors import CatalogError, NotAllowed, NotPublishable
from dife.catalog.services.numbers import clean_reference, next_reference, public_number
from dife.catalog.services.search_index import refresh_search_rows

FIELDS = (
    "modalite",
    "duree_heures",
    "rythme",
    "prix_ttc",
    "taux_tva",
    "frais_examen_inclus",
    "frais_additionnels",
    "frais_additionnels_detail",
    "aides_financement",
    "adresse",
    "commune",
    "acces_handicap",
    "contact_nom",
    "contact_email",
    "contact_telephone",
)
DEFAULTS = {
    "rythme": Rythme.JOURNEE,
    "taux_tva": Decimal("0"),
    "frais_examen_inclus": False,
    "frais_additionnels": Decimal("0.00"),
    "frais_additionnels_detail": "",
    "aides_financement": "",
    "adresse": "",
    "commune": None,
    "acces_handicap": False,
    "contact_nom": "",
    "contact_email": "",
    "contact_telephone": "",
}


def _allowed(by: User | None, organisme: OrganismeProfile) -> None:
    if by is not None and not perms.can_edit_catalog(by, organisme):
        raise NotAllowed


def _decimal(value: object, field: str, label: str) -> Decimal:
    try:
        return Decimal(str(value).replace(",", ".").replace(" ", ""))
    except (InvalidOperation, ValueError):
        raise CatalogError(f"{label} : indiquez un nombre.", field=field) from None


def clean_action_values(values: dict) -> dict:
    """An action's values checked and normalised (``CatalogError`` on the first refusal); imports too."""
    if values.get("modalite") not in Modalite.values:
        raise CatalogError("Choisissez la modalité : en centre, à distance ou mixte.", field="modalite")
    if values.get("rythme") not in Rythme.values:
        raise CatalogError("Choisissez le rythme de la formation.", field="rythme")
    hours = _decimal(values.get("duree_heures"), "duree_heures", "Durée")
    if hours <= 0:
        raise CatalogError("La durée doit être supérieure à 0 heure.", field="duree_heures")
    price = _decimal(values.get("prix_ttc"), "prix_ttc", "Prix")
    if price < 0:
        raise CatalogError("Le prix ne peut pas être négatif.", field="prix_ttc")
    fees = _decimal(values.get("frais_additionnels") or 0, "frais_additionnels", "Frais additionnels")
    if fees < 0:
        raise CatalogError("Les frais additionnels ne peuvent pas être négatifs.", field="frais_additionnels")
    rate = _decimal(values.get("taux_tva") or 0, "taux_tva", "Taux de TVA")
    if not (0 <= rate < 1):
        raise CatalogError("Le taux de TVA s'écrit entre 0 et 1 (0,2 pour 20 %).", field="taux_tva")
    if values["modalite"] != Modalite.DISTANCE and values.get("commune") is None:
        raise CatalogError("Indiquez la commune du lieu de formation.", field="commune")
    return values | {
        "duree_heures": hours.quantize(Decimal("0.1")),
        "prix_ttc": price.quantize(Decimal("0.01")),
        "frais_additionnels": fees.quantize(Decimal("0.01")),
        "taux_tva": rate,
    }


@transaction.atomic
def create_action(
    *,
    formation: Formation,
    by: User | None = None,
    reference: str = "",
    request: HttpRequest | None = None,
    **values: Any,
) -> Action:
    """A draft action of ``formation`` with its stable number."""
    organisme = formation.organisme
    _allowed(by, organisme)
    values = clean_action_values(DEFAULTS | {f: values[f] for f in FIELDS if f in values})
    if reference:
        reference = clean_reference(reference)
        numero = public_number(organisme, reference)
        if Action.objects.filter(numero=numero).exists():
            raise CatalogError("Vous avez déjà une action avec cette référence.", field="reference")
    else:
        reference = next_reference(organisme, kind="action")
        numero = public_number(organisme, reference)
        while Action.objects.filter(numero=numero).exists():
            reference = next_reference(organisme, kind="action")
            numero = public_number(organisme, reference)
    action = Action.objects.create(formation=formation, reference=reference, numero=numero, **values)
    record(action="catalog.action.created", actor=by, target=action, request=request)
    return action


@transaction.atomic
def update_action(
    *, action: Action, by: User | None = None, request: HttpRequest | None = None, **values: Any
) -> Action:
    action = Action.objects.select_for_update().select_related("formation__organisme").get(pk=action.pk)
    _allowed(by, action.formation.organisme)
    merged = {f: getattr(action, f) for f in FIELDS} | values
    for name, value in clean_action_values(merged).items():
        setattr(action, name, value)
    action.updated_at = timezone.now()
    action.save()
    if (
        action.status == Status.PUBLISHED
        and not eligibility.check_action(action, today=timezone.localdate()).eligible
    ):
        # A published action that the change makes ineligible goes back to draft: never listed wrongly.
        action.status = Status.DRAFT
        action.save(update_fields=["status"])
    refresh_search_rows(action_ids=[action.pk])
    record(action="catalog.action.updated", actor=by, target=action, request=request)
    return action


@transaction.atomic
def publish_action(
    *, action: Action, by: User | None = None, request: HttpRequest | None = None, today: date | None = None
) -> Action:
    """Publish for élus, or ``NotPublishable`` with the reasons (the action stays as it was)."""
    action = (
        Action.objects.select_for_update()
        .select_related("formation__organisme__organisation")
        .get(pk=action.pk)
    )
    _allowed(by, action.formation.organisme)
    result = eligibility.check_action(action, today=today or timezone.localdate())
    if not result.eligible:
        raise NotPublishable(result.reasons)
    action.status = Status.PUBLISHED
    action.updated_at = timezone.now()
    action.save(update_fields=["status", "updated_at"])
    refresh_search_rows(action_ids=[action.pk], today=today)
    record(action="catalog.action.published", actor=by, target=action, request=request)
    return action


@transaction.atomic
def close_action(*, action: Action, by: User | None = None, request: HttpRequest | None = None) -> Action:
    action = Action.objects.select_for_update().select_related("formation__organisme").get(pk=action.pk)
    _allowed(by, action.formation.organisme)
    action.status = Status.CLOSED
    action.updated_at = timezone.now()
    action.save(update_fields=["status", "updated_at"])
    refresh_search_rows(action_ids=[action.pk])
    record(action="catalog.action.closed", actor=by, target=action, request=request)
    return action


def _clean_session(debut: date, fin: date, places: int | None) -> None:
    if debut is None or fin is None:
        raise CatalogError("Indiquez les dates de début et de fin de la session.", field="debut")
    if fin < debut:
        raise CatalogError("La date de fin ne peut pas précéder la date de début.", field="fin")
    if places is not None and places < 1:
        raise CatalogError("Le nombre de places doit être d'au moins 1.", field="places")


@transaction.atomic
def create_session(
    *,
    action: Action,
    debut: date,
    fin: date,
    by: User | None = None,
    places: int | None = None,
    garantie: bool = False,
    reference: str = "",
    request: HttpRequest | None = None,
) -> Session:
    _allowed(by, action.formation.organisme)
    _clean_session(debut, fin, places)
    session = Session.objects.create(
        action=action, debut=debut, fin=fin, places=places, garantie=garantie, reference=reference
    )
    refresh_search_rows(action_ids=[action.pk])
    record(action="catalog.session.created", actor=by, target=session, request=request)
    return session


@transaction.atomic
def update_session(
    *, session: Session, by: User | None = None, request: HttpRequest | None = None, **values: Any
) -> Session:
    session = (
        Session.objects.select_for_update().select_related("action__formation__organisme").get(pk=session.pk)
    )
    _allowed(by, session.action.formation.organisme)
    for name in ("debut", "fin", "places", "garantie", "status", "reference"):
        if name in values:
            setattr(session, name, values[name])
    if session.status not in Session.Status.values:
        raise CatalogError("Statut de session inconnu.", field="status")
    _clean_session(session.debut, session.fin, session.places)
    session.updated_at = timezone.now()
    session.save()
    refresh_search_rows(action_ids=[session.action_id])
    record(action="catalog.session.updated", actor=by, target=session, request=request)
    return session


def close_session(*, session: Session, by: User | None = None, request: HttpRequest | None = None) -> Session:
    return update_session(session=session, by=by, request=request, status=Session.Status.CLOSED)
