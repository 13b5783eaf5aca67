"""Formations: create, update, publish, close. Every change re-lists the formation's actions."""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from dife.accounts.models import User
from dife.audit.services import record
from dife.catalog import eligibility, perms, repertoire
from dife.catalog.models import Contexte, Formation, OrganismeProfile, Status
from dife.catalog.models.formation import CERTIFICATION_REGEX
from dife.catalog.services.errors import CatalogError, NotAllowed, NotPublishable
from dife.catalog.services.numbers import clean_reference, next_reference, public_number
from dife.catalog.services.search_index import refresh_search_rows

TEXT_FIELDS = ("intitule", "objectifs", "contenu", "points_forts", "resultats_attendus")
FIELDS = (*TEXT_FIELDS, "contexte", "theme", "certification_code", "certification_libelle")


def _allowed(by: User | None, organisme: OrganismeProfile) -> None:
    if by is not None and not perms.can_edit_catalog(by, organisme):
        raise NotAllowed


def clean_formation_values(values: dict) -> dict:
    """A formation's values checked and normalised (``CatalogError`` on the first refusal); imports too."""
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    if not values.get("intitule"):
        raise CatalogError("Indiquez l'intitulé de la formation.", field="intitule")
    contexte = values.get("contexte")
    if contexte == Contexte.MANDAT:
        if values.get("theme") not in repertoire.BY_CODE:
            raise CatalogError(
                "Choisissez le thème du répertoire des formations liées à l'exercice du mandat.",
                field="theme",
            )
        values["certification_code"] = ""
        values["certification_libelle"] = values.get("certification_libelle") or ""
    elif contexte == Contexte.RECONVERSION:
        code = re.sub(r"\s+", "", values.get("certification_code") or "").upper()
        if not re.match(CERTIFICATION_REGEX, code):
            raise CatalogError(
                "Indiquez le code de la certification : RNCP suivi de chiffres (RNCP35190) ou RS suivi "
                "de chiffres (RS5204).",
                field="certification_code",
            )
        values["certification_code"] = code
        values["theme"] = ""
    else:
        raise CatalogError(
            "Choisissez le contexte : formation liée au mandat ou pour se reconvertir.", field="contexte"
        )
    return values


def _relist(formation: Formation) -> None:
    refresh_search_rows(action_ids=list(formation.actions.values_list("id", flat=True)))


@transaction.atomic
def create_formation(
    *,
    organisme: OrganismeProfile,
    by: User | None = None,
    reference: str = "",
    request: HttpRequest | None = None,
    **values: Any,
) -> Formation:
    """A draft formation with its stable number. ``by=None`` is the system (imports, demo)."""
    _allowed(by, organisme)
    values = clean_formation_values({f: values.get(f, "") for f in FIELDS})
    if reference:
        reference = clean_reference(reference)
        if organisme.formations.filter(reference=reference).exists():
            raise CatalogError("Vous avez déjà une formation avec cette référence.", field="reference")
    else:
        reference = next_reference(organisme, kind="formation")
        while organisme.formations.filter(reference=reference).exists():
            reference = next_reference(organisme, kind="formation")
    formation = Formation.objects.create(
        organisme=organisme, reference=reference, numero=public_number(organisme, reference), **values
    )
    record(action="catalog.formation.created", actor=by, target=formation, request=request)
    return formation


@transaction.atomic
def update_formation(
    *, formation: Formation, by: User | None = None, request: HttpRequest | None = None, **values: Any
) -> Formation:
    formation = Formation.objects.select_for_update().get(pk=formation.pk)
    _allowed(by, formation.organisme)
    merged = {f: getattr(formation, f) for f in FIELDS} | values
    for name, value in clean_formation_values(merged).items():
        setattr(formation, name, value)
    formation.updated_at = timezone.now()
    formation.save()
    _relist(formation)
    record(action="catalog.formation.updated", actor=by, target=formation, request=request)
    return formation


@transaction.atomic
def publish_formation(
    *, formation: Formation, by: User | None = None, request: HttpRequest | None = None
) -> Formation:
    formation = Formation.objects.select_for_update().get(pk=formation.pk)
    _allowed(by, formation.organisme)
    reasons = eligibility.formation_reasons(formation)
    if reasons:
        raise NotPublishable(reasons)
    formation.status = Status.PUBLISHED
    formation.updated_at = timezone.now()
    formation.save(update_fields=["status", "updated_at"])
    _relist(formation)
    record(action="catalog.formation.published", actor=by, target=formation, request=request)
    return formation


@transaction.atomic
def close_formation(
    *, formation: Formation, by: User | None = None, request: HttpRequest | None = None
) -> Formation:
    formation = Formation.objects.select_for_update().get(pk=formation.pk)
    _allowed(by, formation.organisme)
    formation.status = Status.CLOSED
    formation.updated_at = timezone.now()
    formation.save(update_fields=["status", "updated_at"])
    _relist(formation)
    record(action="catalog.formation.closed", actor=by, target=formation, request=request)
    return formation
