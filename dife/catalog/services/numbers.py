"""Stable public numbers: ``<SIRET>_<référence>`` for formations and actions.

The reference is the provider's own (imports carry it) or the next of the provider's counter
("F00001", "A00001"). Once given, a number never changes: it is in the links providers paste.
"""

from __future__ import annotations

import re

from django.db.models import F

from dife.catalog.models import OrganismeProfile
from dife.catalog.models.formation import REFERENCE_REGEX
from dife.catalog.services.errors import CatalogError

_REFERENCE = re.compile(REFERENCE_REGEX)


def clean_reference(value: str) -> str:
    value = (value or "").strip()
    if not _REFERENCE.match(value):
        raise CatalogError(
            "Référence invalide : 1 à 40 caractères, lettres sans accent, chiffres, point, tiret ou "
            "souligné, en commençant par une lettre ou un chiffre.",
            field="reference",
        )
    return value


def next_reference(organisme: OrganismeProfile, *, kind: str) -> str:
    """Take the next number of the provider's counter (``kind``: "formation" or "action")."""
    counter, prefix = ("formation_seq", "F") if kind == "formation" else ("action_seq", "A")
    OrganismeProfile.objects.filter(pk=organisme.pk).update(**{counter: F(counter) + 1})
    value = OrganismeProfile.objects.filter(pk=organisme.pk).values_list(counter, flat=True).get()
    return f"{prefix}{value:05d}"


def public_number(organisme: OrganismeProfile, reference: str) -> str:
    return f"{organisme.organisation.siret}_{reference}"
