"""One row of an import (one session, with its action and formation) checked before anything is written.

Formats (CSV, LHÉO) produce the same raw row: a dict of strings keyed by the CSV column names
(``COLUMNS``). ``check_row`` turns it into typed values and collects every reason to refuse it, in
French. The catalog's own rules (contexte and thème, price, hours, VAT, place) are those of the
catalog services (``dife.catalog.services.formations._clean`` / ``actions._clean``), called here so
an import and a form refuse the same things with the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from stdnum.fr import siret as stdnum_siret

from dife.catalog import repertoire
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
MAX_PRICE = Decimal("99999999.99")
MAX_HOURS = Decimal("99999.9")
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


def check_row(raw: dict, *, line: Line, siret: str, resolver: CommuneResolver) -> OfferRow | None:
    """The typed row, or None with ``line`` rejected and every reason found."""
    reasons: list[str] = []

    def take(read, *args, **kwargs):
        try:
            return read(*args, **kwargs)
        except (v.BadValue, CatalogError, CommuneNotFound) as error:
            reasons.append(error.message)
            return None

    get = lambda name: raw.get(name) or ""  # noqa: E731
    take(_siret, get("siret"), siret)
    formation_ref = take(_reference, get("reference_formation"), "reference_formation") or ""
    action_ref = take(_reference, get("reference_action"), "reference_action") or ""
    line.formation_ref, line.action_ref = (
        formation_ref or v.text(get("reference_formation")),
        action_ref or v.text(get("reference_action")),
    )
    for column, limit in MAX_LENGTHS.items():
        if len(v.text(get(column))) > limit:
            reasons.append(f"{label(column)} : {limit} caractères au plus.")
    email = v.text(get("contact_email"))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            reasons.append(f"Contact : e-mail invalide « {email} ».")

    contexte = take(
        v.choice, get("contexte"), label="Contexte", choices=Contexte,
        aliases={"formation liee au mandat": "mandat", "formations liees a mon mandat": "mandat"},
    )  # fmt: skip
    theme_raw = v.text(get("theme"))
    theme = THEMES_BY_LABEL.get(v.fold(theme_raw), theme_raw)
    formation = {
        "intitule": v.text(get("intitule")),
        "objectifs": v.text(get("objectifs")),
        "contenu": v.text(get("contenu")),
        "points_forts": v.text(get("points_forts")),
        "resultats_attendus": v.text(get("resultats_attendus")),
        "contexte": contexte or "",
        "theme": theme,
        "certification_code": v.text(get("code_certification")),
        "certification_libelle": v.text(get("intitule_certification")),
    }
    if contexte:
        formation = take(formation_rules._clean, formation) or formation
    elif not formation["intitule"]:
        reasons.append("Indiquez l'intitulé de la formation.")

    modalite = take(v.choice, get("modalite"), label="Modalité", choices=Modalite, aliases=MODALITE_ALIASES)
    rythme = take(
        v.choice, get("rythme"), label="Rythme", choices=Rythme, aliases=RYTHME_ALIASES, required=False
    )
    hours = take(v.decimal, get("duree_heures"), label="Durée (heures)")
    price = take(v.decimal, get("prix_ttc"), label="Prix TTC")
    if price is not None and price < 0:
        reasons.append(f"Prix négatif : « {v.text(get('prix_ttc'))} » ; le prix TTC est positif ou nul.")
        price = None
    if price is not None and price > MAX_PRICE:
        reasons.append("Prix TTC : montant trop élevé.")
        price = None
    if hours is not None and hours > MAX_HOURS:
        reasons.append("Durée (heures) : valeur trop élevée.")
        hours = None
    fees = take(
        v.decimal, get("frais_additionnels"), label="Frais additionnels", required=False, default=Decimal(0)
    )
    if fees is not None and fees < 0:
        reasons.append("Frais additionnels négatifs : ils sont positifs ou nuls.")
        fees = None
    rate = take(v.decimal, get("taux_tva"), label="Taux de TVA", required=False, default=Decimal(0))
    if rate is not None and rate >= 1:
        rate = rate / 100  # "20" for 20 %
    commune, commune_failed = None, False
    try:
        commune = resolver.resolve(
            code_insee=get("code_insee"), code_postal=get("code_postal"), ville=get("commune")
        )
    except CommuneNotFound as error:
        reasons.append(error.message)
        commune_failed = True
    action = {
        "modalite": modalite,
        "duree_heures": hours,
        "rythme": rythme or Rythme.JOURNEE,
        "prix_ttc": price,
        "taux_tva": rate,
        "frais_examen_inclus": take(v.boolean, get("frais_examen_inclus"), label="Frais d'examen inclus"),
        "frais_additionnels": fees,
        "frais_additionnels_detail": v.text(get("detail_frais_additionnels")),
        "aides_financement": v.text(get("aides_financement")),
        "adresse": v.text(get("adresse")),
        # An unknown commune is already reported: the place rule must not say "indiquez la commune" again.
        "commune": _UNRESOLVED if commune_failed else commune,
        "acces_handicap": take(v.boolean, get("acces_handicape"), label="Accessibilité"),
        "contact_nom": v.text(get("contact_nom")),
        "contact_email": email,
        "contact_telephone": v.text(get("contact_telephone")),
    }
    if None not in (modalite, hours, price, fees, rate):
        action = take(action_rules._clean, action) or action
    if action.get("modalite") == Modalite.DISTANCE:
        commune = None
    action["commune_id"] = commune.commune_id if commune else None
    action.pop("commune", None)

    debut = take(v.day, get("date_debut"), label="Date de début")
    fin = take(v.day, get("date_fin"), label="Date de fin")
    if debut and fin and fin < debut:
        reasons.append(f"Dates incohérentes : la fin ({fin:%d/%m/%Y}) précède le début ({debut:%d/%m/%Y}).")
    places = take(v.integer, get("places"), label="Places")
    if places == 0:
        reasons.append("Places : au moins 1 (laissez vide si le nombre n'est pas limité).")
    ouverte = take(v.boolean, get("session_ouverte"), label="Session ouverte", default=True)
    session = {
        "debut": debut,
        "fin": fin,
        "places": places,
        "garantie": take(v.boolean, get("session_garantie"), label="Session garantie"),
        "status": Session.Status.OPEN if ouverte in (True, None) else Session.Status.CLOSED,
    }
    session_ref = take(_session_reference, get("reference_session"), debut, fin) or ""
    line.session_ref = session_ref
    if reasons:
        line.reject(*reasons)
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
