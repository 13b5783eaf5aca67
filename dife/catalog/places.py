"""Where a search is centred: a commune name, a postal code or an INSEE code → a point.

Rules (docs/decisions/0005-search.md):

* "Nom (code postal)" — what the search page displays — is the commune of that name among the
  communes of that postal code.
* Five characters: a postal code or an INSEE code. People type postal codes, software sends INSEE
  codes, and the same five digits can be both (69001 is the postal code of Lyon 1er and the INSEE code
  of Affoux): the page tries the postal code first, the API the INSEE code first (``prefer``).
* A postal code shared by several communes (01400 serves ten) is centred on its most populous commune
  — in practice the commune that gives the code its name; the label says which.
* A name is matched without accents, case, hyphens or apostrophes; homonyms (there are many
  Saint-Martin) resolve to the most populous one.
* The point is the town hall (``Commune.latitude/longitude``), or the parent commune's for an
  arrondissement or commune déléguée without coordinates, or the mean of its subdivisions' for a
  commune without coordinates (Paris, in the source data).

The communes are read once into memory (≈ 37 000 rows, re-read when the table changes).
"""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from dataclasses import dataclass

from dife.referentiel.models import CodePostal, Commune

CHECK_EVERY_SECONDS = 300
_CODE = re.compile(r"^(\d{5}|2[AB]\d{3})$", re.IGNORECASE)
_NAME_AND_CODE = re.compile(r"^(?P<name>.+?)\s*\((?P<code>\d{5})\)$")


class PlaceNotFound(ValueError):
    def __init__(self, text: str) -> None:
        super().__init__(
            f"Lieu introuvable : « {text} ». Saisissez le nom d'une commune ou un code postal (5 chiffres)."
        )


@dataclass(frozen=True, slots=True)
class Place:
    commune_id: int
    nom: str
    code_postal: str
    latitude: float
    longitude: float
    shared_by: int = 1  # communes served by the postal code typed (1 otherwise)

    @property
    def label(self) -> str:
        return f"{self.nom} ({self.code_postal})" if self.code_postal else self.nom


@dataclass(frozen=True, slots=True)
class _Entry:
    id: int
    code: str
    nom: str
    population: int
    latitude: float | None
    longitude: float | None
    is_com: bool


def normalise(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    ascii_text = re.sub(r"\bst\b", "saint", re.sub(r"\bste\b", "sainte", ascii_text))
    return re.sub(r"[^a-z0-9]+", " ", ascii_text).strip()


class _Index:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.version: tuple | None = None
        self.checked_at = 0.0
        self.by_id: dict[int, _Entry] = {}
        self.by_code: dict[str, list[_Entry]] = {}
        self.by_name: dict[str, list[_Entry]] = {}
        self.by_postal: dict[str, list[_Entry]] = {}
        self.postal_of: dict[int, str] = {}

    def _db_version(self) -> tuple:
        from django.db.models import Count, Max

        c = Commune.objects.aggregate(n=Count("id"), m=Max("id"))
        p = CodePostal.objects.aggregate(n=Count("id"), m=Max("id"))
        return (c["n"], c["m"], p["n"], p["m"])

    def ensure(self) -> _Index:
        now = time.monotonic()
        if self.version is not None and now - self.checked_at < CHECK_EVERY_SECONDS:
            return self
        with self.lock:
            version = self._db_version()
            self.checked_at = now
            if version != self.version:
                self._load()
                self.version = version
        return self

    def clear(self) -> None:
        with self.lock:
            self.version = None
            self.checked_at = 0.0

    def _load(self) -> None:
        rows = Commune.objects.filter(is_active=True).values_list(
            "id", "code", "type", "nom", "population", "latitude", "longitude", "parent_id"
        )
        raw = {r[0]: r for r in rows}
        coords = {r[0]: (r[5], r[6]) for r in raw.values() if r[5] is not None and r[6] is not None}
        children: dict[int, list[tuple[float, float]]] = {}
        for r in raw.values():
            if r[7] is not None and r[0] in coords:
                children.setdefault(r[7], []).append(coords[r[0]])
        for pk, points in children.items():
            if pk not in coords:
                # Paris has no town-hall coordinates in the source: the mean of its arrondissements'.
                coords[pk] = (
                    sum(p[0] for p in points) / len(points),
                    sum(p[1] for p in points) / len(points),
                )
        by_id, by_code, by_name = {}, {}, {}
        for pk, code, kind, nom, population, _, _, parent_id in raw.values():
            lat, lon = coords.get(pk) or coords.get(parent_id) or (None, None)
            entry = _Entry(pk, code, nom, population or 0, lat, lon, kind == Commune.Type.COMMUNE)
            by_id[pk] = entry
            by_code.setdefault(code.upper(), []).append(entry)
            if entry.is_com:
                by_name.setdefault(normalise(nom), []).append(entry)
        by_postal: dict[str, list[_Entry]] = {}
        postal_of: dict[int, str] = {}
        for code, commune_id in CodePostal.objects.order_by("code").values_list("code", "commune_id"):
            if commune_id in by_id:
                by_postal.setdefault(code, []).append(by_id[commune_id])
                postal_of.setdefault(commune_id, code)
        self.by_id, self.by_code, self.by_name = by_id, by_code, by_name
        self.by_postal, self.postal_of = by_postal, postal_of


_index = _Index()


def clear_cache() -> None:
    """Forget the communes read so far (tests that create communes call it)."""
    _index.clear()


def _best(entries: list[_Entry]) -> _Entry | None:
    located = [e for e in entries if e.latitude is not None]
    if not located:
        return None
    return max(located, key=lambda e: (e.is_com, e.population, -int(e.id)))


def _place(entry: _Entry, postal: str | None, shared_by: int = 1) -> Place:
    index = _index
    return Place(
        commune_id=entry.id,
        nom=entry.nom,
        code_postal=postal or index.postal_of.get(entry.id, ""),
        latitude=entry.latitude,
        longitude=entry.longitude,
        shared_by=shared_by,
    )


def _by_postal(code: str, name: str | None = None) -> Place | None:
    entries = _index.by_postal.get(code, [])
    if name:
        wanted = normalise(name)
        named = [e for e in entries if normalise(e.nom) == wanted]
        entries = named or entries
    best = _best(entries)
    return _place(best, code, len(_index.by_postal.get(code, []))) if best else None


def _by_insee(code: str) -> Place | None:
    best = _best(_index.by_code.get(code.upper(), []))
    return _place(best, None) if best else None


def resolve_place(text: str, *, prefer: str = "code_postal") -> Place:
    """The point a search is centred on; ``PlaceNotFound`` (French message) when nothing matches."""
    _index.ensure()
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise PlaceNotFound(text)
    match = _NAME_AND_CODE.match(cleaned)
    if match:
        place = _by_postal(match["code"], match["name"])
        if place:
            return place
        cleaned = match["name"]
    if _CODE.match(cleaned):
        order = (_by_insee, _by_postal) if prefer == "insee" else (_by_postal, _by_insee)
        for finder in order:
            place = finder(cleaned)
            if place:
                return place
        raise PlaceNotFound(text)
    best = _best(_index.by_name.get(normalise(cleaned), []))
    if best is None:
        raise PlaceNotFound(text)
    return _place(best, None)
