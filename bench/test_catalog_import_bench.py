"""Benchmark: import of a 10 000-row catalog CSV (issue 5: under 30 s).

    DIFE_TEST_DB_SUFFIX=_cat2bench .venv/bin/python -m pytest -m bench bench/test_catalog_import_bench.py -s

One provider, 10 000 rows = 10 000 sessions of 2 500 actions of 2 000 formations, in the 18 real
communes of the reference-data test fixture (by INSEE code, a few by postal code and name). Measured in
the same run:

1. the first import through the management command (``import_catalog``, with its progress bar):
   everything is created, published and listed — budget 30 s;
2. the same file again: every row found, nothing changes — 3 × 10 000 lookups, no write;
3. the file with every price changed: 2 500 actions updated, their search rows rebuilt.
"""

import csv
import io
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "devtools"))
import pg  # noqa: E402

pg.start()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from devtools.demo.catalog_generator.identities import fictional_siret  # noqa: E402
from dife.catalog import services  # noqa: E402
from dife.catalog.imports import import_catalog  # noqa: E402
from dife.catalog.imports.rows import COLUMNS  # noqa: E402
from dife.catalog.models import Action, ActionSearch, Formation, Session  # noqa: E402
from dife.mandates.importer import run_import  # noqa: E402
from dife.organisations.models import Organisation  # noqa: E402

ROWS = 10_000
BUDGET_SECONDS = 30
FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "referentiel" / "data"
SIRET = fictional_siret(999_999)  # SIREN prefix 09: no real company (see catalog_generator/identities.py)
PLACES = [
    {"code_insee": code}
    for code in ("45234", "45232", "45147", "45302", "57463", "57480", "57751", "67482", "67447", "2A004",
                 "2B033", "29083", "97120", "97407", "97411", "97415", "75101")
] + [{"code_postal": "01300", "commune": "Arboys en Bugey"}]  # fmt: skip
THEMES = ["FIN", "ORG", "STATUT", "COMMANDE", "DROIT", "RH", "MANAGEMENT", "DOMAINE"]


def build_csv(*, price_delta: int = 0) -> bytes:
    today = timezone.localdate()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for i in range(ROWS):
        action = i // 4  # 2 500 actions of 4 sessions
        formation = action * 4 // 5  # 2 000 formations (one in four has two actions)
        hours = 7 if action % 3 else 14
        start = today + timedelta(days=20 + (i % 4) * 60 + action % 30)
        row = {
            "siret": SIRET,
            "reference_formation": f"F{formation:05d}",
            "intitule": f"Les finances de la commune, module {formation}",
            "objectifs": "Comprendre le budget communal et ses étapes, de la préparation au vote.",
            "contenu": "Le cadre légal. Le débat d'orientation budgétaire. Le vote. Études de cas.",
            "points_forts": "Intervenants anciens élus.",
            "resultats_attendus": "Lire un budget primitif.",
            "contexte": "mandat",
            "theme": THEMES[formation % len(THEMES)],
            "reference_action": f"A{action:05d}",
            "modalite": "centre",
            "duree_heures": str(hours),
            "rythme": "journee",
            "prix_ttc": f"{hours * 50 + price_delta},00",
            "frais_additionnels": "18,00" if action % 2 else "0",
            "adresse": f"{action % 90 + 1} place de la Mairie",
            "acces_handicape": "oui",
            "reference_session": f"S{i % 4 + 1}",
            "date_debut": start.strftime("%d/%m/%Y"),
            "date_fin": (start + timedelta(days=hours // 8)).strftime("%d/%m/%Y"),
            "places": "20",
            "session_garantie": "oui" if i % 5 == 0 else "non",
        } | PLACES[action % len(PLACES)]
        writer.writerow([row.get(c, "") for c in COLUMNS])
    return out.getvalue().encode()


@pytest.mark.bench
@pytest.mark.django_db(transaction=True)
def test_import_10000_rows(tmp_path):
    run_import(FIXTURES, only="referentiel", today=date(2026, 11, 26))
    organisation = Organisation.objects.create(
        kind=Organisation.Kind.ORGANISME, nom="Organisme du banc d'essai (fictif)", siret=SIRET
    )
    today = timezone.localdate()
    organisme = services.save_organisme_profile(
        organisation=organisation,
        agrement_debut=today - timedelta(days=30),
        agrement_fin=today + timedelta(days=900),
    )
    path = tmp_path / "catalogue.csv"
    path.write_bytes(build_csv())
    print(f"\nFichier : {ROWS} lignes, {path.stat().st_size / 1e6:.1f} Mo")

    started = time.monotonic()
    out = io.StringIO()
    call_command("import_catalog", str(path), siret=SIRET, stdout=out)
    print(out.getvalue().splitlines()[-1])
    first = time.monotonic() - started
    print(f"1. premier import (commande) : {first:.1f} s")
    assert Formation.objects.count() == 2_000 and Action.objects.count() == 2_500
    assert Session.objects.count() == ROWS
    assert ActionSearch.objects.count() == 2_500

    started = time.monotonic()
    report = import_catalog(organisme=organisme, data=path.read_bytes(), file_format="csv")
    second = time.monotonic() - started
    print(f"2. même fichier (rien ne change) : {second:.1f} s — {report.summary()}")
    assert report.updated == ROWS

    started = time.monotonic()
    report = import_catalog(organisme=organisme, data=build_csv(price_delta=10), file_format="csv")
    third = time.monotonic() - started
    print(f"3. tous les prix changent : {third:.1f} s — {report.summary()}")
    assert report.updated == ROWS and report.rejected == 0
    assert Session.objects.count() == ROWS
    assert first < BUDGET_SECONDS and second < BUDGET_SECONDS and third < BUDGET_SECONDS
