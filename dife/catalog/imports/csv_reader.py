"""Reading a catalog CSV file: encoding, separator, header, one raw row per line (see docs/lheo-subset.md).

* Encoding: UTF-8 (with or without the BOM spreadsheets add), else Windows-1252 (Excel in French).
* Separator: ";" (French spreadsheets), "," or tab, read from the header line.
* Header: the column names of ``rows.COLUMNS`` (case, accents, spaces and hyphens ignored; a few aliases
  such as "ville" for "commune"). Missing required columns refuse the file; unknown columns are
  ignored and said so.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from dife.catalog.imports import values as v
from dife.catalog.imports.report import Line
from dife.catalog.imports.rows import COLUMNS, REQUIRED

MAX_ROWS = 50_000
ALIASES = {
    "siret_organisme": "siret",
    "siret_de_l_organisme": "siret",
    "ref_formation": "reference_formation",
    "ref_action": "reference_action",
    "ref_session": "reference_session",
    "intitule_formation": "intitule",
    "ville": "commune",
    "code_commune": "code_insee",
    "prix": "prix_ttc",
    "duree": "duree_heures",
    "debut": "date_debut",
    "fin": "date_fin",
    "garantie": "session_garantie",
    "accessibilite": "acces_handicape",
    "acces_handicap": "acces_handicape",
}


class FileRefused(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


LABELS = {v.fold(label).replace(" ", "_"): name for name, (label, _) in COLUMNS.items()}


def _column(name: str) -> str:
    """A header cell → column name: the name itself, an alias or the column's label."""
    key = v.fold(name).replace(" ", "_")
    return ALIASES.get(key) or LABELS.get(key) or key


def read_csv(data: bytes) -> tuple[list[tuple[Line, dict]], list[str]]:
    """The raw rows with their report lines, and warnings about the file; ``FileRefused`` when unusable."""
    text = decode(data)
    first = text.split("\n", 1)[0]
    if not first.strip():
        raise FileRefused("Le fichier est vide ou sa première ligne (les noms de colonnes) est vide.")
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [_column(name) for name in next(reader)]
    seen, doubles = set(), set()
    for name in header:
        (doubles if name in seen else seen).add(name)
    if doubles - {""}:
        raise FileRefused(f"Colonnes en double : {', '.join(sorted(doubles - {''}))}.")
    missing = [name for name in REQUIRED if name not in seen]
    if missing:
        raise FileRefused(
            f"Colonnes obligatoires absentes : {', '.join(missing)}. La première ligne du fichier doit "
            "donner les noms des colonnes (voir le modèle de fichier)."
        )
    warnings = []
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        warnings.append(f"Colonnes inconnues, ignorées : {', '.join(unknown)}.")
    rows: list[tuple[Line, dict]] = []
    start = reader.line_num + 1
    for cells in reader:
        number, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise FileRefused(
                f"Le fichier compte plus de {MAX_ROWS} lignes : découpez-le en plusieurs fichiers."
            )
        line = Line(number=number, where=f"ligne {number}")
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            line.reject(
                f"La ligne compte {len(cells)} cellules pour {len(header)} colonnes : vérifiez le séparateur "
                f"« {delimiter} » et les guillemets."
            )
        raw = {name: cells[i] if i < len(cells) else "" for i, name in enumerate(header) if name in COLUMNS}
        rows.append((line, raw))
    if not rows:
        raise FileRefused("Le fichier ne contient aucune ligne après les noms de colonnes.")
    return rows, warnings


def template(*, today: date | None = None) -> str:
    """A CSV model with every column and one example row (the page offers it for download)."""
    start = (today or date.today()) + timedelta(days=60)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    example = {
        "siret": "<votre SIRET>",
        "reference_formation": "BUDGET-01",
        "intitule": "Le budget communal : l'essentiel pour les élus",
        "objectifs": "Comprendre les étapes du budget et savoir le voter.",
        "contenu": "Le cadre légal. Le débat d'orientation budgétaire. Le vote. Études de cas.",
        "points_forts": "Intervenants anciens élus.",
        "resultats_attendus": "Être capable de lire un budget primitif.",
        "contexte": "mandat",
        "theme": "FIN",
        "reference_action": "BUDGET-01-ORLEANS",
        "modalite": "centre",
        "duree_heures": "7",
        "rythme": "journee",
        "prix_ttc": "350,00",
        "taux_tva": "0",
        "frais_examen_inclus": "non",
        "frais_additionnels": "18,00",
        "detail_frais_additionnels": "Repas de midi",
        "adresse": "Salle du conseil, place de l'Étape",
        "code_insee": "45234",
        "code_postal": "45000",
        "commune": "Orléans",
        "acces_handicape": "oui",
        "contact_nom": "Service formation",
        "contact_email": "formation@exemple.fr",
        "reference_session": "S1",
        "date_debut": start.strftime("%d/%m/%Y"),
        "date_fin": start.strftime("%d/%m/%Y"),
        "places": "20",
        "session_garantie": "oui",
        "session_ouverte": "oui",
    }
    writer.writerow([example.get(name, "") for name in COLUMNS])
    return out.getvalue()
