"""Reading an LHÉO XML file (the exchange format of French training-offer systems) into import rows.

The file is parsed with ``defusedxml`` (no DTD, no entities, no external resources: it comes from
outside) and checked against the subset of LHÉO documented in docs/lheo-subset.md — the official XSD is
not shipped with the platform. Each ``<session>`` becomes one row of the report, with the line of the
file where it starts; what is wrong with its ``<formation>`` or ``<action>`` is reported on each of
their sessions (so nothing of them is written).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler

import defusedxml.sax
from defusedxml import DefusedXmlException

from dife.catalog.imports import values as v
from dife.catalog.imports.csv_reader import MAX_ROWS, FileRefused
from dife.catalog.imports.report import Line

MODALITES = {"0": "centre", "1": "mixte", "2": "distance"}  # dict-modalites-enseignement
ETATS = {"1": "oui", "2": "non", "3": "non"}  # dict-etat-recrutement: ouvert, fermé, suspendu
FORMATION_EXTRAS = {"contexte": "contexte", "theme": "theme", "points-forts": "points_forts"}
ACTION_EXTRAS = {
    "taux-tva": "taux_tva",
    "frais-examen-inclus": "frais_examen_inclus",
    "detail-frais-additionnels": "detail_frais_additionnels",
    "aides-financement": "aides_financement",
    "contact-nom": "contact_nom",
    "contact-email": "contact_email",
    "contact-telephone": "contact_telephone",
}
SESSION_EXTRAS = {"places": "places", "session-garantie": "session_garantie"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts).strip()

    def all(self, tag: str) -> list[Node]:
        return [c for c in self.children if c.tag == tag]

    def one(self, tag: str) -> Node | None:
        found = self.all(tag)
        return found[0] if found else None

    def path(self, *tags: str) -> Node | None:
        node = self
        for tag in tags:
            node = node.one(tag) if node is not None else None
        return node

    def value(self, *tags: str) -> str:
        node = self.path(*tags)
        return node.text if node is not None else ""

    def extras(self) -> dict[str, str]:
        """``<extras><extra info="clé">valeur</extra></extras>`` directly under this element."""
        return {e.attrs.get("info", ""): e.text for x in self.all("extras") for e in x.all("extra")}


class _TreeBuilder(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.root: Node | None = None
        self.stack: list[Node] = []

    def startElement(self, name, attrs):  # noqa: N802 (SAX API)
        node = Node(name.split(":")[-1], {k.split(":")[-1]: attrs[k] for k in attrs.getNames()}, self._line())
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def endElement(self, name):  # noqa: N802
        self.stack.pop()

    def characters(self, content):
        if self.stack:
            self.stack[-1].parts.append(content)

    def _line(self) -> int:
        return self._locator.getLineNumber() if self._locator is not None else 0


def parse(data: bytes) -> Node:
    builder = _TreeBuilder()
    try:
        defusedxml.sax.parseString(data, builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise FileRefused(
            "Le fichier XML déclare une DTD ou des entités : il est refusé pour la sécurité de la plateforme."
        ) from None
    except SAXParseException as error:
        raise FileRefused(
            f"Le fichier XML est mal formé (ligne {error.getLineNumber()}, "
            f"colonne {error.getColumnNumber()}) : {error.getMessage()}."
        ) from None
    if builder.root is None:
        raise FileRefused("Le fichier XML est vide.")
    return builder.root


def _single(node: Node, tag: str, errors: list[str], *, where: str, required: bool = True) -> str:
    found = node.all(tag)
    if len(found) > 1:
        errors.append(f"{where} : élément <{tag}> en double (ligne {found[1].line}).")
    if not found or not found[0].text:
        if required:
            errors.append(f"{where} : élément <{tag}> manquant ou vide (ligne {node.line}).")
        return ""
    return found[0].text


def _certification(formation: Node) -> str:
    for certification in formation.all("certification"):
        for tag, prefix in (("code-RNCP", "RNCP"), ("code-RS", "RS")):
            code = certification.value(tag).replace(" ", "").upper()
            if code:
                return code if code.startswith(prefix) else f"{prefix}{code}"
    return ""


def _formation_values(formation: Node, errors: list[str], where: str) -> dict[str, str]:
    extras = formation.extras()
    code = _certification(formation)
    raw = {
        "intitule": _single(formation, "intitule-formation", errors, where=where),
        "objectifs": _single(formation, "objectif-formation", errors, where=where),
        "contenu": _single(formation, "contenu-formation", errors, where=where),
        "resultats_attendus": _single(formation, "resultats-attendus", errors, where=where, required=False),
        "code_certification": code,
        "contexte": extras.get("contexte") or ("reconversion" if code else "mandat"),
    }
    raw |= {
        key: extras[name] for name, key in FORMATION_EXTRAS.items() if name in extras and key != "contexte"
    }
    responsable = formation.all("organisme-formation-responsable")
    if len(responsable) != 1:
        errors.append(f"{where} : élément <organisme-formation-responsable> manquant ou en double.")
    else:
        raw["siret"] = responsable[0].value("SIRET-organisme-formation", "SIRET")
        if not raw["siret"]:
            errors.append(f"{where} : élément <SIRET-organisme-formation><SIRET> manquant.")
    return raw


def _hours(action: Node) -> str:
    total = action.value("nombre-heures-total")
    if total:
        return total
    parts = [action.value("nombre-heures-centre"), action.value("nombre-heures-entreprise")]
    parts = [p for p in parts if p]
    if len(parts) == 1:
        return parts[0]
    if parts:
        try:
            return str(sum(v.decimal(p, label="heures") for p in parts))
        except v.BadValue:
            return parts[0]
    return ""


def _action_values(action: Node, errors: list[str], where: str) -> dict[str, str]:
    code = _single(action, "modalites-enseignement", errors, where=where)
    if code and code not in MODALITES:
        errors.append(f"{where} : <modalites-enseignement> vaut « {code} » (0, 1 ou 2 attendu).")
    raw = {
        "reference_action": action.attrs.get("numero", ""),
        "modalite": MODALITES.get(code, ""),
        "rythme": _single(action, "rythme-formation", errors, where=where),
        "prix_ttc": _single(action, "prix-total-TTC", errors, where=where),
        "duree_heures": _hours(action),
        "frais_additionnels": action.value("frais-restants"),
    }
    if not raw["duree_heures"]:
        errors.append(f"{where} : élément <nombre-heures-total> manquant (durée de l'action).")
    handicap = v.fold(action.value("acces-handicapes"))
    raw["acces_handicape"] = "oui" if handicap and not handicap.startswith(("non", "aucun", "0")) else "non"
    lieu = action.all("lieu-de-formation")
    if len(lieu) != 1:
        errors.append(f"{where} : élément <lieu-de-formation> manquant ou en double (ligne {action.line}).")
    else:
        adresse = lieu[0].path("coordonnees", "adresse")
        if adresse is None:
            errors.append(f"{where} : <lieu-de-formation><coordonnees><adresse> manquant.")
        else:
            raw["adresse"] = ", ".join(line.text for line in adresse.all("ligne") if line.text)
            raw["code_postal"] = adresse.value("codepostal")
            raw["commune"] = adresse.value("ville")
            raw["code_insee"] = adresse.value("code-INSEE-commune")
    extras = action.extras()
    raw |= {key: extras[name] for name, key in ACTION_EXTRAS.items() if name in extras}
    return raw


def _session_values(session: Node, errors: list[str], where: str) -> dict[str, str]:
    periode = session.one("periode")
    raw = {"reference_session": session.attrs.get("numero", "")}
    if periode is None:
        errors.append(f"{where} : élément <periode> manquant.")
        return raw
    for tag, key in (("debut", "date_debut"), ("fin", "date_fin")):
        value = _single(periode, tag, errors, where=where)
        if value == "00000000" or value.startswith("9999"):
            errors.append(
                f"{where} : <{tag}> vaut « {value} » (date inconnue) : indiquez la date de la session."
            )
            value = ""
        if value and not (len(value) == 8 and value.isdigit()):
            errors.append(f"{where} : <{tag}> vaut « {value} » (format AAAAMMJJ attendu).")
            value = ""
        raw[key] = value
    etat = session.value("etat-recrutement")
    if etat:
        if etat not in ETATS:
            errors.append(f"{where} : <etat-recrutement> vaut « {etat} » (1, 2 ou 3 attendu).")
        raw["session_ouverte"] = ETATS.get(etat, "")
    extras = session.extras()
    raw |= {key: extras[name] for name, key in SESSION_EXTRAS.items() if name in extras}
    return raw


def read_lheo(data: bytes) -> tuple[list[tuple[Line, dict]], list[str]]:
    """Raw rows (one per session) with their report lines; ``FileRefused`` when the file is unusable."""
    rows: list[tuple[Line, dict]] = []
    for f_index, formation in enumerate(_formations(parse(data)), start=1):
        _formation_rows(formation, f_index, rows)
    return rows, []


def _formations(root: Node) -> list[Node]:
    if root.tag != "lheo":
        raise FileRefused(f"L'élément racine est <{root.tag}> : un fichier LHÉO commence par <lheo>.")
    offres = root.all("offres")
    if len(offres) != 1:
        raise FileRefused("Un fichier LHÉO contient exactement un élément <offres>.")
    formations = offres[0].all("formation")
    if not formations:
        raise FileRefused("L'élément <offres> ne contient aucune <formation>.")
    return formations


def _formation_rows(formation: Node, f_index: int, rows: list[tuple[Line, dict]]) -> None:
    """One row per session of ``formation`` appended to ``rows`` (or one refused row if it has none)."""
    f_ref = formation.attrs.get("numero", "")
    f_where = f"formation « {f_ref} »" if f_ref else f"formation n° {f_index}"
    f_errors: list[str] = []
    if not f_ref:
        f_errors.append(
            f"{f_where} (ligne {formation.line}) : attribut numero absent (référence de la formation)."
        )
    f_raw = _formation_values(formation, f_errors, f_where) | {"reference_formation": f_ref}
    actions = formation.all("action")
    if not actions:
        line = Line(number=formation.line, where=f"{f_where} (ligne {formation.line})", formation_ref=f_ref)
        line.reject(*f_errors, f"{f_where} : aucune <action>.")
        rows.append((line, {}))
    for a_index, action in enumerate(actions, start=1):
        a_ref = action.attrs.get("numero", "")
        a_where = f"{f_where} › action « {a_ref} »" if a_ref else f"{f_where} › action n° {a_index}"
        a_errors: list[str] = []
        if not a_ref:
            a_errors.append(
                f"{a_where} (ligne {action.line}) : attribut numero absent (référence de l'action)."
            )
        a_raw = _action_values(action, a_errors, a_where)
        sessions = action.all("session")
        if not sessions:
            line = Line(number=action.line, where=f"{a_where} (ligne {action.line})", formation_ref=f_ref)
            line.action_ref = a_ref
            line.reject(*f_errors, *a_errors, f"{a_where} : aucune <session>.")
            rows.append((line, {}))
        for s_index, session in enumerate(sessions, start=1):
            if len(rows) >= MAX_ROWS:
                raise FileRefused(f"Le fichier compte plus de {MAX_ROWS} sessions : découpez-le.")
            s_errors: list[str] = []
            s_where = f"{a_where} › session {s_index}"
            s_raw = _session_values(session, s_errors, s_where)
            line = Line(number=session.line, where=f"{s_where} (ligne {session.line})")
            line.formation_ref, line.action_ref = f_ref, a_ref
            line.session_ref = s_raw.get("reference_session", "")
            errors = f_errors + a_errors + s_errors
            if errors:
                line.reject(*errors)
            rows.append((line, f_raw | a_raw | s_raw))
