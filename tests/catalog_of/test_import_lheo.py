"""LHÉO XML import: the documented subset, a report line per <session>, unsafe or broken files refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dife.catalog.imports import detect_format, import_catalog
from dife.catalog.imports.report import LineStatus
from dife.catalog.models import Action, Formation, Session, Status
from tests.catalog_of.helpers import day, lheo_action, lheo_document, lheo_formation, lheo_session

pytestmark = pytest.mark.django_db


def run(organisme, data: bytes):
    return import_catalog(organisme=organisme, data=data, file_format="lheo")


def test_happy_path(organisme, communes):
    sessions = lheo_session("S1", day(30), day(31)) + lheo_session(
        "S2",
        day(90),
        day(91),
        extras='<extras info="dife"><extra info="session-garantie">oui</extra></extras>',
    )
    remote = lheo_action("MGT-DIST", lheo_session("S1", day(45), day(45)), modalite="2", codepostal="75015",
                         ville="PARIS CEDEX 15", insee="")  # fmt: skip
    data = lheo_document(lheo_formation("MGT", organisme.siret, lheo_action("MGT-VC", sessions) + remote))
    assert detect_format("offre.xml", data) == "lheo" and detect_format("", data) == "lheo"

    report = run(organisme, data)

    assert report.file_errors == []
    assert [(line.status, line.where) for line in report.lines] == [
        (LineStatus.IMPORTED, "formation « MGT » › action « MGT-VC » › session 1 (ligne 26)"),
        (LineStatus.IMPORTED, "formation « MGT » › action « MGT-VC » › session 2 (ligne 32)"),
        (LineStatus.IMPORTED, "formation « MGT » › action « MGT-DIST » › session 1 (ligne 56)"),
    ]
    formation = Formation.objects.get()
    assert formation.numero == f"{organisme.siret}_MGT" and formation.theme == "MANAGEMENT"
    assert formation.intitule == "Manager une collectivité" and formation.status == Status.PUBLISHED
    action = Action.objects.get(reference="MGT-VC")
    assert action.commune == communes["centre"] and action.modalite == "centre" and action.acces_handicap
    assert action.prix_ttc == Decimal("350.00") and action.duree_heures == Decimal("7.0")
    assert action.frais_additionnels == Decimal("18.00") and action.frais_additionnels_detail == "Repas"
    assert action.status == Status.PUBLISHED
    assert list(action.sessions.values_list("reference", "debut", "fin", "garantie")) == [
        ("S1", day(30), day(31), False),
        ("S2", day(90), day(91), True),
    ]
    assert Action.objects.get(reference="MGT-DIST").commune is None
    assert report.published_actions == 2

    again = run(organisme, data)
    assert [line.status for line in again.lines] == [LineStatus.UPDATED] * 3
    assert Session.objects.count() == 3


def test_subset_errors_reject_the_sessions_concerned(organisme, communes):
    bad_price = lheo_action("A-PRIX", lheo_session("S1", day(30), day(30)), prix="-12")
    no_price = lheo_action("A-SANS-PRIX", lheo_session("S1", day(30), day(30)), prix=None)
    bad_dates = lheo_action(
        "A-DATES", lheo_session("S1", day(30), day(20)) + lheo_session("S2", day(40), day(40))
    )
    bad_commune = lheo_action("A-COMMUNE", lheo_session("S1", day(30), day(30)), codepostal="00000", insee="")
    formations = lheo_formation("F1", organisme.siret, bad_price + no_price + bad_dates + bad_commune)
    formations += lheo_formation(
        "F2", "12345678901234", lheo_action("A-SIRET", lheo_session("S1", day(30), day(30)))
    )
    report = run(organisme, lheo_document(formations))

    by_action = {(line.action_ref, line.session_ref): line for line in report.lines}
    assert by_action[("A-PRIX", "S1")].reasons == ["Prix négatif : « -12 » ; le prix TTC est positif ou nul."]
    assert (
        by_action[("A-SANS-PRIX", "S1")]
        .reasons[0]
        .startswith("formation « F1 » › action « A-SANS-PRIX » : élément <prix-total-TTC> manquant ou vide")
    )
    assert by_action[("A-DATES", "S1")].reasons == [
        f"Dates incohérentes : la fin ({day(20):%d/%m/%Y}) précède le début ({day(30):%d/%m/%Y})."
    ]
    assert by_action[("A-DATES", "S2")].status == LineStatus.IMPORTED
    assert by_action[("A-COMMUNE", "S1")].reasons == [
        "Commune inconnue : aucun code postal « Villecentre » (00000)."
    ]
    assert by_action[("A-SIRET", "S1")].reasons[0].startswith("SIRET invalide : « 12345678901234 »")
    assert report.summary() == "6 lignes lues : 1 importée, 0 mise à jour, 5 rejetées."
    assert list(Action.objects.values_list("reference", flat=True)) == ["A-DATES"]
    assert list(Session.objects.values_list("reference", flat=True)) == ["S2"]
    assert not Formation.objects.filter(reference="F2").exists()


def test_formation_without_action_and_missing_numero(organisme, communes):
    empty = lheo_formation("VIDE", organisme.siret, "")
    anonymous = lheo_formation("", organisme.siret, lheo_action("A1", lheo_session("S1", day(30), day(30))))
    report = run(organisme, lheo_document(empty + anonymous))
    assert report.lines[0].reasons == ["formation « VIDE » : aucune <action>."]
    assert report.lines[1].reasons[0].startswith("formation n° 2 (ligne ")
    assert report.lines[1].reasons[0].endswith("attribut numero absent (référence de la formation).")
    assert not Formation.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"<lheo><offres><formation>",
            "Le fichier XML est mal formé (ligne 1, colonne 25) : no element found.",
        ),
        (b"<catalogue/>", "L'élément racine est <catalogue> : un fichier LHÉO commence par <lheo>."),
        (b"<lheo><offres/></lheo>", "L'élément <offres> ne contient aucune <formation>."),
        (
            b'<?xml version="1.0"?><!DOCTYPE lheo [<!ENTITY a "aaaaaaaaaa">]><lheo>&a;</lheo>',
            "Le fichier XML déclare une DTD ou des entités : "
            "il est refusé pour la sécurité de la plateforme.",
        ),
    ],
)
def test_unusable_files_are_refused_as_a_whole(organisme, data, message):
    report = run(organisme, data)
    assert report.file_errors == [message]
    assert report.lines == [] and not Formation.objects.exists()
