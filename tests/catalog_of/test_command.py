"""manage.py import_catalog: progress bar, report, errors."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from dife.catalog.models import Session
from tests.catalog_of.helpers import csv_bytes, row

pytestmark = pytest.mark.django_db


def test_command_imports_with_a_progress_bar_and_a_report(tmp_path, organisme, communes):
    path = tmp_path / "catalogue.csv"
    path.write_bytes(
        csv_bytes([row(organisme.siret), row(organisme.siret, reference_session="S2", prix_ttc="-1")])
    )
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_catalog",
        str(path),
        siret=organisme.siret,
        rapport=tmp_path / "rapport.csv",
        stdout=out,
        stderr=err,
    )
    assert "Import: 100%" in err.getvalue() and "2/2" in err.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[0] == "ligne 3 : rejetée — Prix négatif : « -1 » ; le prix TTC est positif ou nul."
    assert lines[-1].startswith(
        "2 lignes lues : 1 importée, 0 mise à jour, 1 rejetée. 1 action(s) publiée(s)."
    )
    report = (tmp_path / "rapport.csv").read_text(encoding="utf-8").splitlines()
    assert report[0] == "ligne;emplacement;statut;formation;action;session;motifs;avertissements"
    assert report[1].startswith("2;ligne 2;Importée;BUDGET;BUDGET-VC;S1;")
    assert Session.objects.count() == 1


def test_command_errors(tmp_path, organisme):
    with pytest.raises(CommandError, match="Fichier introuvable"):
        call_command("import_catalog", str(tmp_path / "absent.csv"), siret=organisme.siret)
    path = tmp_path / "vide.csv"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match="Aucun organisme de formation avec le catalogue ouvert"):
        call_command("import_catalog", str(path), siret="09999999999999")
    with pytest.raises(CommandError, match="Fichier refusé : Le fichier est vide"):
        call_command("import_catalog", str(path), siret=organisme.siret)
