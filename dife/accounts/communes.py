"""The "Ville, code postal…" field of an address: (commune, postal code) pairs of the official lists.

Search by postal code (or its first digits) or by name, insensitive to accents, case, hyphens and
apostrophes ("saint etienne" finds "Saint-Étienne"). Communes and their arrondissements (Paris, Lyon,
Marseille) are offered; communes déléguées are not (their postal code is their commune's).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.lookups import Unaccent
from django.db.models import F, Value
from django.db.models.functions import Lower, Replace

from dife.referentiel.models import CodePostal, Commune

TYPES = (Commune.Type.COMMUNE, Commune.Type.ARRONDISSEMENT)
MIN_QUERY = 2


@dataclass(frozen=True)
class CommuneChoice:
    commune_id: int
    code_postal: str
    nom: str

    @property
    def value(self) -> str:
        return f"{self.commune_id}:{self.code_postal}"

    @property
    def label(self) -> str:
        return f"{self.nom} ({self.code_postal})"

    def as_json(self) -> dict:
        return {"value": self.value, "label": self.label, "nom": self.nom, "code_postal": self.code_postal}


def _simplify(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[-'’]", " ", plain)).strip()


def _choice(row: CodePostal) -> CommuneChoice:
    return CommuneChoice(row.commune_id, row.code, row.commune.nom)


def search(query: str, *, limit: int = 20) -> list[CommuneChoice]:
    """Pairs matching a postal code or a name, best first (names starting with the query, then by
    population)."""
    query = (query or "").strip()
    digits = "".join(re.findall(r"\d", query))
    words = _simplify(re.sub(r"\d", " ", query))
    if len(digits) < MIN_QUERY and len(words) < MIN_QUERY:
        return []
    rows = CodePostal.objects.select_related("commune").filter(
        commune__type__in=TYPES, commune__is_active=True
    )
    if digits:
        rows = rows.filter(code__startswith=digits[:5])
    if words:
        simple_name = Replace(
            Replace(Lower(Unaccent(F("commune__nom"))), Value("-"), Value(" ")), Value("'"), Value(" ")
        )
        rows = rows.annotate(nom_simple=simple_name).filter(nom_simple__contains=words)
    candidates = list(rows.order_by("-commune__population", "commune__nom", "code")[: limit * 5])
    if words:
        candidates.sort(key=lambda r: not _simplify(r.commune.nom).startswith(words))
    return [_choice(row) for row in candidates[:limit]]


def resolve(value: str) -> CommuneChoice | None:
    """The pair a form posted ("<commune id>:<postal code>"), if it exists in the reference data."""
    match = re.fullmatch(r"(\d{1,12}):(\d{5})", (value or "").strip())
    if not match:
        return None
    row = (
        CodePostal.objects.select_related("commune")
        .filter(commune_id=int(match[1]), code=match[2], commune__type__in=TYPES)
        .first()
    )
    return _choice(row) if row else None


def commune(commune_id: int) -> Commune | None:
    return Commune.objects.filter(pk=commune_id).first()
