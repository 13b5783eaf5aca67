"""Upload of a catalog file in the OF space: the report page, the CSV model, the LHÉO path."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dife.catalog.models import Action, Formation, Status
from tests.catalog_of.helpers import (
    csv_bytes,
    day,
    lheo_action,
    lheo_document,
    lheo_formation,
    lheo_session,
    row,
)

pytestmark = pytest.mark.django_db


def upload(client, name: str, data: bytes, **fields):
    return client.post(
        "/of/catalogue/import", {"fichier": SimpleUploadedFile(name, data), "publier": "on", **fields}
    )


def test_csv_upload_shows_the_report_line_by_line(of_client, organisme, communes):
    data = csv_bytes([row(organisme.siret), row(organisme.siret, reference_formation="X", prix_ttc="-1")])
    response = upload(of_client, "catalogue.csv", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Rapport d’import" in html
    assert "2 lignes lues : 1 importée, 0 mise à jour, 1 rejetée." in html and "1 action publiée." in html
    assert "Lignes rejetées" in html and "Rapport complet, ligne par ligne" in html
    assert "Prix négatif : « -1 » ; le prix TTC est positif ou nul." in html
    assert html.count(">ligne 3<") == 2  # in both tables
    assert Action.objects.get().status == Status.PUBLISHED


def test_lheo_upload_without_publication(of_client, organisme, communes):
    data = lheo_document(
        lheo_formation("MGT", organisme.siret, lheo_action("MGT-1", lheo_session("S1", day(30), day(30))))
    )
    html = upload(of_client, "offres.xml", data, publier="").content.decode()
    assert "1 ligne lue : 1 importée, 0 mise à jour, 0 rejetée." in html
    assert "formation « MGT » › action « MGT-1 » › session 1" in html
    assert Formation.objects.get().status == Status.DRAFT


def test_refused_file_and_empty_upload(of_client, organisme):
    html = upload(of_client, "offres.xml", b"<lheo><offres>").content.decode()
    assert "Fichier refusé : rien n’a été importé" in html and "Le fichier XML est mal formé" in html
    html = of_client.post("/of/catalogue/import", {"publier": "on"}).content.decode()
    assert "Choisissez un fichier." in html


def test_csv_model_has_every_column_and_the_providers_siret(of_client, organisme):
    response = of_client.get("/of/catalogue/import/modele.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = response.content.decode("utf-8-sig")
    header, example = body.splitlines()[:2]
    assert header.startswith("siret;reference_formation;intitule;")
    assert example.startswith(f"{organisme.siret};BUDGET-01;")


def test_the_model_imports_as_is(of_client, organisme, communes):
    """The example row of the model is a valid row (once its commune exists and its date is to come)."""
    from dife.referentiel.models import CodePostal, Commune

    orleans = Commune.objects.create(code="45234", nom="Orléans", latitude=47.9, longitude=1.9)
    CodePostal.objects.create(code="45000", commune=orleans)
    body = of_client.get("/of/catalogue/import/modele.csv").content
    html = upload(of_client, "modele.csv", body).content.decode()
    assert "1 ligne lue : 1 importée" in html
