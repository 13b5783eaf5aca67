"""Which commune a training takes place in, from what a provider writes: an INSEE code, or a postal
code with the town's name ("Boën-sur-Lignon", "BOEN SUR LIGNON", "42130").

Rules:

* an INSEE code names one commune (an arrondissement of Paris, Lyon or Marseille is accepted);
* a postal code alone is enough when it serves a single commune; when it serves several, the name
  decides (accents, case, hyphens, "St"/"Saint" and a trailing "CEDEX" ignored);
* a name without postal code or INSEE code is refused (there are many Saint-Martin).

``CommuneResolver`` reads, once, only the communes an import mentions (a few queries per file);
``resolve_commune`` reads one place typed in a form ("Orléans (45000)", "45000 Orléans", "45234").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from dife.catalog.places import normalise
from dife.referentiel.models import CodePostal, Commune

TYPE_PRIORITY = {Commune.Type.COMMUNE: 0, Commune.Type.ARRONDISSEMENT: 1}
_CODE = re.compile(r"^(\d{5}|2[AB]\d{3})$", re.IGNORECASE)
_POSTAL = re.compile(r"^\d{5}$")
_CEDEX = re.compile(r"\s+cedex(\s+\d+)?$", re.IGNORECASE)
_NAME_THEN_CODE = re.compile(r"^(?P<name>.+?)\s*\(?(?P<code>\d{5})\)?$")
_CODE_THEN_NAME = re.compile(r"^(?P<code>\d{5})\s+(?P<name>.+)$")


class CommuneNotFound(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Found:
    commune_id: int
    nom: str
    code_postal: str

    @property
    def label(self) -> str:
        return f"{self.nom} ({self.code_postal})" if self.code_postal else self.nom


def _name(text: str) -> str:
    return normalise(_CEDEX.sub("", (text or "").strip()))


class CommuneResolver:
    def __init__(self) -> None:
        self.by_insee: dict[str, Found] = {}
        self.by_postal: dict[str, list[Found]] = {}

    def load(self, *, insee_codes: Iterable[str] = (), postal_codes: Iterable[str] = ()) -> CommuneResolver:
        insee = {c.strip().upper() for c in insee_codes if c and c.strip()}
        postal = {c.strip() for c in postal_codes if c and c.strip()}
        best: dict[str, tuple[int, Commune]] = {}
        for commune in Commune.objects.filter(code__in=insee, is_active=True, type__in=list(TYPE_PRIORITY)):
            rank = TYPE_PRIORITY[commune.type]
            if commune.code not in best or rank < best[commune.code][0]:
                best[commune.code] = (rank, commune)
        postal_of: dict[int, str] = {}
        ids = [c.pk for _, c in best.values()]
        for code, commune_id in (
            CodePostal.objects.filter(commune_id__in=ids).order_by("code").values_list("code", "commune_id")
        ):
            postal_of.setdefault(commune_id, code)
        for code, (_, commune) in best.items():
            self.by_insee[code] = Found(commune.pk, commune.nom, postal_of.get(commune.pk, ""))
        rows = (
            CodePostal.objects.filter(
                code__in=postal, commune__is_active=True, commune__type__in=list(TYPE_PRIORITY)
            )
            .order_by("code", "commune__nom")
            .values_list("code", "commune_id", "commune__nom")
        )
        for code, commune_id, nom in rows:
            self.by_postal.setdefault(code, []).append(Found(commune_id, nom, code))
        return self

    def resolve(self, *, code_insee: str = "", code_postal: str = "", ville: str = "") -> Found | None:
        """The commune, None when nothing was given, ``CommuneNotFound`` (French message) otherwise."""
        code_insee, code_postal, ville = (
            (code_insee or "").strip().upper(),
            (code_postal or "").strip(),
            ville,
        )
        if code_insee:
            found = self.by_insee.get(code_insee)
            if found is None:
                raise CommuneNotFound(f"Commune inconnue : aucun code INSEE « {code_insee} ».")
            return found
        if code_postal:
            candidates = self.by_postal.get(code_postal, [])
            if not candidates:
                shown = (
                    f"« {ville.strip()} » ({code_postal})" if (ville or "").strip() else f"« {code_postal} »"
                )
                raise CommuneNotFound(f"Commune inconnue : aucun code postal {shown}.")
            wanted = _name(ville)
            if wanted:
                named = [c for c in candidates if normalise(c.nom) == wanted]
                if len(named) == 1:
                    return named[0]
                if not named and len(candidates) > 1:
                    raise CommuneNotFound(
                        f"Commune inconnue : « {ville.strip()} » n'est pas desservie par le code postal "
                        f"{code_postal} ({_names(candidates)})."
                    )
            if len(candidates) == 1:
                return candidates[0]
            raise CommuneNotFound(
                f"Le code postal {code_postal} dessert plusieurs communes ({_names(candidates)}) : "
                "indiquez le nom de la commune ou son code INSEE."
            )
        if (ville or "").strip():
            raise CommuneNotFound(
                f"Commune « {ville.strip()} » : indiquez aussi son code postal ou son code INSEE."
            )
        return None


def _names(candidates: list[Found]) -> str:
    names = [c.nom for c in candidates[:5]]
    return ", ".join(names) + (", …" if len(candidates) > 5 else "")


def resolve_commune(typed: str) -> Found:
    """One place typed in a form: "Orléans (45000)", "45000 Orléans", a postal code or an INSEE code."""
    typed = " ".join((typed or "").split())
    if not typed:
        raise CommuneNotFound("Indiquez la commune du lieu de formation.")
    match = _NAME_THEN_CODE.match(typed) or _CODE_THEN_NAME.match(typed)
    if match and not _CODE.match(typed):
        code, name = match["code"], match["name"]
        return CommuneResolver().load(postal_codes=[code]).resolve(code_postal=code, ville=name)
    if _CODE.match(typed):
        resolver = CommuneResolver().load(insee_codes=[typed], postal_codes=[typed])
        if _POSTAL.match(typed) and resolver.by_postal.get(typed):
            return resolver.resolve(code_postal=typed)
        if typed.upper() in resolver.by_insee:
            return resolver.resolve(code_insee=typed)
        raise CommuneNotFound(f"Commune inconnue : aucun code postal ni code INSEE « {typed} ».")
    raise CommuneNotFound(
        f"Commune « {typed} » : indiquez aussi son code postal, par exemple « Orléans (45000) »."
    )


def label_of(commune: Commune | None) -> str:
    """ "Orléans (45000)" for a form's initial value."""
    if commune is None:
        return ""
    code = commune.codes_postaux.order_by("code").values_list("code", flat=True).first() or ""
    return f"{commune.nom} ({code})" if code else commune.code
