"""The provider's catalog profile (NDA, address, agrément élus, Qualiopi, contacts)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from dife.accounts.models import User
from dife.audit.services import record
from dife.catalog import perms
from dife.catalog.models import Action, OrganismeProfile
from dife.catalog.services.errors import CatalogError, NotAllowed
from dife.catalog.services.search_index import refresh_search_rows
from dife.organisations.models import Organisation

PROFILE_FIELDS = (
    "nda",
    "adresse",
    "code_postal",
    "commune",
    "agrement_debut",
    "agrement_fin",
    "qualiopi",
    "contact_nom",
    "contact_email",
    "contact_telephone",
    "site_web",
)

# Decided by the agency (gestionnaire), never by the OF itself: see services/agrement.py.
AGENCY_FIELDS = frozenset({"agrement_debut", "agrement_fin", "qualiopi"})


def _check(values: dict) -> None:
    nda = (values.get("nda") or "").replace(" ", "")
    if nda and (len(nda) != 11 or not nda.isdigit()):
        raise CatalogError("Le numéro de déclaration d'activité compte 11 chiffres.", field="nda")
    values["nda"] = nda
    debut: date | None = values.get("agrement_debut")
    fin: date | None = values.get("agrement_fin")
    if (debut is None) != (fin is None):
        raise CatalogError(
            "Indiquez les deux dates de l'agrément élus (début et fin), ou aucune.",
            field="agrement_fin" if fin is None else "agrement_debut",
        )
    if debut and fin and fin < debut:
        raise CatalogError("La fin de l'agrément ne peut pas précéder son début.", field="agrement_fin")


@transaction.atomic
def save_organisme_profile(
    *, organisation: Organisation, by: User | None = None, request: HttpRequest | None = None, **values: Any
) -> OrganismeProfile:
    """Create or update the profile of an OF. ``by=None`` is the system (demo, commands)."""
    if organisation.kind != Organisation.Kind.ORGANISME:
        raise CatalogError("Seul un organisme de formation a un catalogue.")
    unknown = set(values) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    profile = OrganismeProfile.objects.select_for_update().filter(pk=organisation.pk).first()
    if by is not None and profile is not None and not perms.can_edit_catalog(by, profile):
        raise NotAllowed
    if by is not None and AGENCY_FIELDS & set(values):
        raise NotAllowed  # an OF cannot grant itself the agrément élus or the Qualiopi flag
    merged = {f: getattr(profile, f) for f in PROFILE_FIELDS} if profile else {}
    merged.update(values)
    _check(merged)
    agrement_changed = profile is None or (profile.agrement_debut, profile.agrement_fin) != (
        merged.get("agrement_debut"),
        merged.get("agrement_fin"),
    )
    if profile is None:
        profile = OrganismeProfile(organisation=organisation)
    for name, value in merged.items():
        setattr(profile, name, value)
    if profile.pk is not None and not profile._state.adding:
        profile.updated_at = timezone.now()
    profile.save()
    if agrement_changed:
        # The agrément decides which mandate sessions are listed.
        ids = Action.objects.filter(formation__organisme=profile).values_list("id", flat=True)
        refresh_search_rows(action_ids=list(ids))
    record(action="catalog.organisme.saved", actor=by, target=profile, request=request)
    return profile
