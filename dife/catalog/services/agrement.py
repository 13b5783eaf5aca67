"""The gestionnaire records the ministry's agrément élus of an OF (and its Qualiopi certification).

The agrément decides which mandate sessions may be offered to élus (see ``dife.catalog.eligibility``):
changing it rewrites the OF's search rows in the same transaction, so the élus' search never lists a
session the new agrément does not cover, and lists again the published ones it now covers. Published
actions keep their status: a renewed agrément lists them again without the provider doing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from dife.accounts.models import User
from dife.audit.services import record
from dife.catalog.models import Action, OrganismeProfile
from dife.catalog.services.errors import CatalogError, NotAllowed
from dife.catalog.services.search_index import refresh_search_rows
from dife.organisations.models import Organisation

AUDIT_ACTION = "catalog.organisme.agrement_changed"
REASON_MAX_LENGTH = 1000


@dataclass(frozen=True)
class AgrementChange:
    profile: OrganismeProfile
    listed_rows: int  # search rows of the OF's actions after the change


def _may_record(actor: User | None) -> bool:
    return (
        actor is not None
        and getattr(actor, "is_authenticated", False)
        and actor.is_active
        and actor.kind == User.Kind.GESTIONNAIRE
    )


def input_errors(*, debut: date | None, fin: date | None, reason: str) -> dict[str, str]:
    """What is wrong with the input, by form field (empty when fine). Forms call it to show every error
    at once; ``set_agrement`` refuses the first one anyway."""
    errors: dict[str, str] = {}
    if debut is None and fin is not None:
        errors["agrement_debut"] = (
            "Indiquez la date de début de l’agrément, ou videz les deux dates pour retirer l’agrément."
        )
    if fin is None and debut is not None:
        errors["agrement_fin"] = (
            "Indiquez la date de fin de l’agrément, ou videz les deux dates pour retirer l’agrément."
        )
    if debut is not None and fin is not None and fin < debut:
        errors["agrement_fin"] = "La fin de l’agrément doit être postérieure ou égale à son début."
    if not reason.strip():
        errors["motif"] = "Le motif est obligatoire."
    elif len(reason) > REASON_MAX_LENGTH:
        errors["motif"] = f"Le motif compte {REASON_MAX_LENGTH} caractères au plus."
    return errors


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@transaction.atomic
def set_agrement(
    *,
    organisation: Organisation,
    agrement_debut: date | None,
    agrement_fin: date | None,
    qualiopi: bool,
    reason: str,
    actor: User,
    request: HttpRequest | None = None,
) -> AgrementChange:
    """Record the agrément élus (both dates, or none to withdraw it) and the Qualiopi flag of an OF.

    Only a gestionnaire may (``NotAllowed`` otherwise); bad input raises ``CatalogError`` with a French
    message and the form field it concerns. Audited with the values before and after and the reason.
    """
    if not _may_record(actor):
        raise NotAllowed
    if organisation.kind != Organisation.Kind.ORGANISME:
        raise CatalogError("Seul un organisme de formation a un agrément élus.")
    errors = input_errors(debut=agrement_debut, fin=agrement_fin, reason=reason)
    if errors:
        field, message = next(iter(errors.items()))
        raise CatalogError(message, field=field)
    profile = OrganismeProfile.objects.select_for_update().filter(pk=organisation.pk).first()
    if profile is None:
        profile = OrganismeProfile(organisation=organisation)
    before = {
        "agrement_debut": _iso(profile.agrement_debut),
        "agrement_fin": _iso(profile.agrement_fin),
        "qualiopi": profile.qualiopi,
    }
    after = {
        "agrement_debut": _iso(agrement_debut),
        "agrement_fin": _iso(agrement_fin),
        "qualiopi": qualiopi,
    }
    if before == after and not profile._state.adding:
        raise CatalogError("Aucune modification : l’agrément et la certification Qualiopi sont inchangés.")
    profile.agrement_debut = agrement_debut
    profile.agrement_fin = agrement_fin
    profile.qualiopi = qualiopi
    if not profile._state.adding:
        profile.updated_at = timezone.now()
    profile.save()
    ids = list(Action.objects.filter(formation__organisme=profile).values_list("id", flat=True))
    listed = refresh_search_rows(action_ids=ids)
    record(
        action=AUDIT_ACTION,
        actor=actor,
        target=profile,
        request=request,
        avant=before,
        apres=after,
        motif=reason.strip(),
    )
    return AgrementChange(profile=profile, listed_rows=listed)
