"""One row of an import (one session, with its action and formation) checked before anything is written.

Formats (CSV, LHÉO) produce the same raw row: a dict of strings keyed by the CSV column names
(``COLUMNS``). ``check_row`` turns it into typed values and collects every reason to refuse it, in
French. The catalog's own rules (contexte and thème, price, hours, VAT, place) are those of the
catalog services (``dife.catalog.services.formations.clean_formation_values`` /
``actions.clean_action_values``), called here so an import and a form refuse the same things with the
same words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from stdnum.fr import siret as stdnum_siret

from dife.catalog import repertoire
from dife.catalog.bounds import MAX_HOURS, MAX_PRICE
from dife.catalog.imports import values as v
from dife.catalog.imports.communes import CommuneNotFound, CommuneResolver
from dife.catalog.imports.report import Line
from dife.catalog.models import Contexte, Modalite, Rythme, Session
from dife.catalog.services import actions as action_rules
from dife.catalog.services import formations as formation_rules
from dife.catalog.services.errors import CatalogError
from dife.catalog.services.numbers import clean_reference

# column → label used in messages; (required) columns must be in a CSV header.
COLUMNS: dict[str, tuple[str, bool]] = {
    "siret": ("SIRET de l'organisme", True),
    "reference_formation": ("Référence de la formation", True),
    "intitule": ("Intitulé", True),
    "objectifs": ("Objectifs", False),
    "contenu": ("Contenu", False),
    "points_forts": ("Points forts", False),
    "resultats_attendus": ("Résultats attendus", False),
    "contexte": ("Contexte", True),
    "theme": ("Thème du répertoire", False),
    "code_certification": ("Code RNCP ou RS", False),
    "intitule_certification": ("Intitulé de la certification", False),
    "reference_action": ("Référence de l'action", True),
    "modalite": ("Modalité", True),
    "duree_heures": ("Durée (heures)", True),
    "rythme": ("Rythme", False),
    "prix_ttc": ("Prix TTC", True),
    "taux_tva": ("Taux de TVA", False),
    "frais_examen_inclus": ("Frais d'examen inclus", False),
    "frais_additionnels": ("Frais additionnels", False),
    "detail_frais_additionnels": ("Détail des frais additionnels", False),
    "aides_financement": ("Aides au financement", False),
    "adresse": ("Adresse", False),
    "code_insee": ("Code INSEE de la commune", False),
    "code_postal": ("Code postal", False),
    "commune": ("Commune", False),
    "acces_handicape": ("Accessibilité", False),
    "contact_nom": ("Contact : nom", False),
    "contact_email": ("Contact : e-mail", False),
    "contact_telephone": ("Contact : téléphone", False),
    "reference_session": ("Référence de la session", False),
    "date_debut": ("Date de début", True),
    "date_fin": ("Date de fin", True),
    "places": ("Places", False),
    "session_garantie": ("Session garantie", False),
    "session_ouverte": ("Session ouverte", False),
}
REQUIRED = tuple(name for name, (_, required) in COLUMNS.items() if required)
MAX_LENGTHS = {
    "intitule": 250,
    "intitule_certification": 250,
    "detail_frais_additionnels": 250,
    "adresse": 300,
    "contact_nom": 200,
    "contact_email": 254,
    "contact_telephone": 30,
}
MAX_SESSION_REFERENCE = 40
MODALITE_ALIASES = {
    "presentiel": "centre",
    "en presentiel": "centre",
    "distanciel": "distance",
    "a distance": "distance",
}
RYTHME_ALIASES = {"journee": "journee", "soir": "soiree", "weekend": "week_end", "week end": "week_end"}
THEMES_BY_LABEL = {v.fold(t.libelle): t.code for t in repertoire.THEMES} | {
    v.fold(t.code): t.code for t in repertoire.THEMES
}


_UNRESOLVED = object()


@dataclass
class OfferRow:
    line: Line
    formation_ref: str
    action_ref: str
    session_ref: str
    formation: dict = field(default_factory=dict)
    action: dict = field(default_factory=dict)
    session: dict = field(default_factory=dict)


def label(column: str) -> str:
    return COLUMNS[column][0]


def commune_codes(raws: list[dict]) -> tuple[set[str], set[str]]:
    """INSEE and postal codes mentioned by the rows (the resolver reads only those)."""
    insee = {v.text(r.get("code_insee")) for r in raws}
    postal = {v.text(r.get("code_postal")) for r in raws}
    return insee - {""}, postal - {""}


def _siret(raw: str, expected: str) -> None:
    value = "".join(v.text(raw).split())
    if not value:
        raise v.BadValue("SIRET de l'organisme : valeur manquante.")
    if not stdnum_siret.is_valid(value):
        raise v.BadValue(
            f"SIRET invalide : « {v.text(raw)} » (14 chiffres dont le dernier est une clé de contrôle)."
        )
    if value != expected:
        raise v.BadValue(f"Le SIRET {value} n'est pas celui de votre organisme ({expected}).")


def _reference(raw: str, column: str) -> str:
    try:
        return clean_reference(raw)
    except CatalogError as error:
        shown = v.text(raw)
        prefix = f"{label(column)} « {shown} »" if shown else f"{label(column)} manquante"
        raise v.BadValue(f"{prefix} : {error.message[0].lower()}{error.message[1:]}") from None


def _session_reference(raw: str, debut, fin) -> str:
    value = v.text(raw)
    if len(value) > MAX_SESSION_REFERENCE:
        raise v.BadValue(f"Référence de la session : {MAX_SESSION_REFERENCE} caractères au plus.")
    if value:
        return value
    # No reference: the session is known by its dates, so re-importing the same row updates it.
    return f"{debut:%Y%m%d}-{fin:%Y%m%d}" if debut and fin else ""


class _Reasons:
    """The raw row's values and every reason found so far to refuse it."""

    def __init__(self, raw: dict) -> None:
        self.raw = raw
        self.found: list[str] = []

    def get(self, name: str) -> str:
        return self.raw.get(name) or ""

    def add(self, reason: str) -> None:
        self.found.append(reason)

    def take(self, read, *args, **kwargs):
        """``read(*args, **kwargs)``, or None with its refusal noted."""
        try:
            return read(*args, **kwargs)
        except (v.BadValue, CatalogError, CommuneNotFound) as error:
            self.add(error.message)
            return None


def check_row(raw: dict, *, line: Line, siret: str, resolver: CommuneResolver) -> OfferRow | None:
    """The typed row, or None with ``line`` rejected and every reason found."""
    r = _Reasons(raw)
    r.take(_siret, r.get("siret"), siret)
    formation_ref = r.take(_reference, r.get("reference_formation"), "reference_formation") or ""
    action_ref = r.take(_reference, r.get("reference_action"), "reference_action") or ""
    line.formation_ref, line.action_ref = (
        formation_ref or v.text(r.get("reference_formation")),
        action_ref or v.text(r.get("reference_action")),
    )
    _check_texts(r)
    formation = _formation_part(r)
    action = _action_part(r, resolver)
    session = _session_part(r)
    session_ref = (
        r.take(_session_reference, r.get("reference_session"), session["debut"], session["fin"]) or ""
    )
    line.session_ref = session_ref
    if r.found:
        line.reject(*r.found)
        return None
    return OfferRow(
        line=line,
        formation_ref=formation_ref,
        action_ref=action_ref,
        session_ref=session_ref,
        formation=formation,
        action=action,
        session=session,
    )


def _check_texts(r: _Reasons) -> None:
    for column, limit in MAX_LENGTHS.items():
        if len(v.text(r.get(column))) > limit:
            r.add(f"{label(column)} : {limit} caractères au plus.")
    email = v.text(r.get("contact_email"))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            r.add(f"Contact : e-mail invalide « {email} ».")


def _formation_part(r: _Reasons) -> dict:
    """The formation's values, checked by the catalog's own rule once the contexte is known."""
    contexte = r.take(
        v.choice, r.get("contexte"), label="Contexte", choices=Contexte,
        aliases={"formation liee au mandat": "mandat", "formations liees a mon mandat": "mandat"},
    )  # fmt: skip
    theme_raw = v.text(r.get("theme"))
    formation = {
        "intitule": v.text(r.get("intitule")),
        "objectifs": v.text(r.get("objectifs")),
        "contenu": v.text(r.get("contenu")),
        "points_forts": v.text(r.get("points_forts")),
        "resultats_attendus": v.text(r.get("resultats_attendus")),
        "contexte": contexte or "",
        "theme": THEMES_BY_LABEL.get(v.fold(theme_raw), theme_raw),
        "certification_code": v.text(r.get("code_certification")),
        "certification_libelle": v.text(r.get("intitule_certification")),
    }
    if contexte:
        return r.take(formation_rules.clean_formation_values, formation) or formation
    if not formation["intitule"]:
        r.add("Indiquez l'intitulé de la formation.")
    return formation


def _amounts(r: _Reasons) -> dict:
    """Hours, price, fees and VAT rate read from the row (None where refused)."""
    hours = r.take(v.decimal, r.get("duree_heures"), label="Durée (heures)")
    price = r.take(v.decimal, r.get("prix_ttc"), label="Prix TTC")
    if price is not None and price < 0:
        r.add(f"Prix négatif : « {v.text(r.get('prix_ttc'))} » ; le prix TTC est positif ou nul.")
        price = None
    if price is not None and price > MAX_PRICE:
        r.add("Prix TTC : montant trop élevé.")
        price = None
    if hours is not None and hours > MAX_HOURS:
        r.add("Durée (heures) : valeur trop élevée.")
        hours = None
    fees = r.take(
        v.decimal, r.get("frais_additionnels"), label="Frais additionnels", required=False, default=Decimal(0)
    )
    if fees is not None and fees < 0:
        r.add("Frais additionnels négatifs : ils sont positifs ou nuls.")
        fees = None
    rate = r.take(v.decimal, r.get("taux_tva"), label="Taux de TVA", required=False, default=Decimal(0))
    if rate is not None and rate >= 1:
        rate = rate / 100  # "20" for 20 %
    return {"duree_heures": hours, "prix_ttc": price, "frais_additionnels": fees, "taux_tva": rate}


def _action_part(r: _Reasons, resolver: CommuneResolver) -> dict:
    """The action's values, checked by the catalog's own rule once every amount could be read."""
    modalite = r.take(
        v.choice, r.get("modalite"), label="Modalité", choices=Modalite, aliases=MODALITE_ALIASES
    )
    rythme = r.take(
        v.choice, r.get("rythme"), label="Rythme", choices=Rythme, aliases=RYTHME_ALIASES, required=False
    )
    amounts = _amounts(r)
    commune, commune_failed = None, False
    try:
        commune = resolver.resolve(
            code_insee=r.get("code_insee"), code_postal=r.get("code_postal"), ville=r.get("commune")
        )
    except CommuneNotFound as error:
        r.add(error.message)
        commune_failed = True
    action = {
        "modalite": modalite,
        "duree_heures": amounts["duree_heures"],
        "rythme": rythme or Rythme.JOURNEE,
        "prix_ttc": amounts["prix_ttc"],
        "taux_tva": amounts["taux_tva"],
        "frais_examen_inclus": r.take(v.boolean, r.get("frais_examen_inclus"), label="Frais d'examen inclus"),
        "frais_additionnels": amounts["frais_additionnels"],
        "frais_additionnels_detail": v.text(r.get("detail_frais_additionnels")),
        "aides_financement": v.text(r.get("aides_financement")),
        "adresse": v.text(r.get("adresse")),
        # An unknown commune is already reported: the place rule must not say "indiquez la commune" again.
        "commune": _UNRESOLVED if commune_failed else commune,
        "acces_handicap": r.take(v.boolean, r.get("acces_handicape"), label="Accessibilité"),
        "contact_nom": v.text(r.get("contact_nom")),
        "contact_email": v.text(r.get("contact_email")),
        "contact_telephone": v.text(r.get("contact_telephone")),
    }
    if modalite is not None and None not in amounts.values():
        action = r.take(action_rules.clean_action_values, action) or action
    if action.get("modalite") == Modalite.DISTANCE:
        commune = None
    action["commune_id"] = commune.commune_id if commune else None
    action.pop("commune", None)
    return action


def _session_part(r: _Reasons) -> dict:
    debut = r.take(v.day, r.get("date_debut"), label="Date de début")
    fin = r.take(v.day, r.get("date_fin"), label="Date de fin")
    if debut and fin and fin < debut:
        r.add(f"Dates incohérentes : la fin ({fin:%d/%m/%Y}) précède le début ({debut:%d/%m/%Y}).")
    places = r.take(v.integer, r.get("places"), label="Places")
    if places == 0:
        r.add("Places : au moins 1 (laissez vide si le nombre n'est pas limité).")
    ouverte = r.take(v.boolean, r.get("session_ouverte"), label="Session ouverte", default=True)
    return {
        "debut": debut,
        "fin": fin,
        "places": places,
        "garantie": r.take(v.boolean, r.get("session_garantie"), label="Session garantie"),
        "status": Session.Status.OPEN if ouverte in (True, None) else Session.Status.CLOSED,
    }
