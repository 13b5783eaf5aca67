"""CSV import: happy path, upserts, a report line per row, bad rows rejected with nothing half-written."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection

from dife.audit.models import Event
from dife.catalog.imports import import_catalog
from dife.catalog.imports.report import LineStatus
from dife.catalog.models import Action, ActionSearch, Formation, Session, Status
from tests.catalog_of.helpers import csv_bytes, day, row

pytestmark = pytest.mark.django_db


def run(organisme, rows, **kwargs):
    return import_catalog(organisme=organisme, data=csv_bytes(rows, **kwargs), file_format="csv")


def test_happy_path_creates_publishes_and_lists(organisme, communes):
    siret = organisme.siret
    rows = [
        row(siret),
        row(siret, reference_session="S2", date_debut=day(60).isoformat(), date_fin=day(61).isoformat()),
        row(
            siret, reference_formation="RECO", intitule="Titre professionnel comptable",
            contexte="reconversion", theme="", code_certification="RNCP 35190", reference_action="RECO-DIST",
            modalite="à distance", code_insee="", prix_ttc="1 200,50", duree_heures="70",
            reference_session="",
        ),
    ]  # fmt: skip
    report = run(organisme, rows)

    assert report.file_errors == []
    assert [line.status for line in report.lines] == [LineStatus.IMPORTED] * 3
    assert [line.number for line in report.lines] == [2, 3, 4]
    assert report.summary() == "3 lignes lues : 3 importées, 0 mise à jour, 0 rejetée."
    assert report.published_actions == 2
    budget = Formation.objects.get(organisme=organisme, reference="BUDGET")
    assert budget.numero == f"{siret}_BUDGET" and budget.status == Status.PUBLISHED and budget.theme == "FIN"
    action = Action.objects.get(numero=f"{siret}_BUDGET-VC")
    assert action.formation == budget and action.status == Status.PUBLISHED
    assert action.prix_ttc == Decimal("350.00") and action.frais_additionnels == Decimal("18.00")
    assert action.commune == communes["centre"] and action.acces_handicap and action.rythme == "journee"
    assert list(action.sessions.values_list("reference", "garantie", "places")) == [
        ("S1", True, 20),
        ("S2", True, 20),
    ]
    remote = Action.objects.get(numero=f"{siret}_RECO-DIST")
    assert remote.modalite == "distance" and remote.commune is None and remote.prix_ttc == Decimal("1200.50")
    assert remote.formation.certification_code == "RNCP35190"
    # A session without reference is known by its dates.
    assert remote.sessions.get().reference == f"{day(40):%Y%m%d}-{day(40):%Y%m%d}"
    assert set(ActionSearch.objects.values_list("numero_action", flat=True)) == {action.numero, remote.numero}
    event = Event.objects.get(action="catalog.file.imported")
    assert event.data["importees"] == 3 and event.data["rejetees"] == 0 and event.data["format"] == "csv"


def test_reimport_updates_without_duplicates(organisme, communes):
    siret = organisme.siret
    later = {"date_debut": day(55).isoformat(), "date_fin": day(55).isoformat()}
    run(organisme, [row(siret), row(siret, reference_session="", **later)])
    report = run(
        organisme,
        [
            row(siret, prix_ttc="380"),
            row(siret, reference_session="", prix_ttc="380", **later),
            row(siret, reference_session="S9", prix_ttc="380"),
        ],
    )

    assert [line.status for line in report.lines] == [
        LineStatus.UPDATED,
        LineStatus.UPDATED,
        LineStatus.IMPORTED,
    ]
    assert Formation.objects.filter(organisme=organisme).count() == 1
    action = Action.objects.get(formation__organisme=organisme)
    assert action.prix_ttc == Decimal("380.00")
    assert action.sessions.count() == 3
    assert ActionSearch.objects.get(action=action).prix_ttc == Decimal("380.00")


def test_bad_rows_are_rejected_with_reasons_and_nothing_half_imported(organisme, other_organisme, communes):
    siret = organisme.siret
    rows = [
        row(siret),  # line 2: good
        row("12345678901234", reference_formation="F-SIRET", reference_action="A-SIRET"),  # bad check digit
        row(other_organisme.siret, reference_formation="F-AUTRE", reference_action="A-AUTRE"),
        row(siret, reference_formation="F-COMMUNE", reference_action="A-COMMUNE", code_insee="99999"),
        row(siret, reference_formation="F-PRIX", reference_action="A-PRIX", prix_ttc="-10"),
        row(siret, reference_formation="F-DATE", reference_action="A-DATE", date_debut="31/02/2027"),
        row(
            siret,
            reference_formation="F-ORDRE",
            reference_action="A-ORDRE",
            date_debut=day(50).isoformat(),
            date_fin=day(45).isoformat(),
        ),  # fmt: skip
        row(
            siret,
            reference_formation="F-CP",
            reference_action="A-CP",
            code_insee="",
            code_postal="42130",
            commune="",
        ),
        row(
            siret, reference_session="S2", date_debut=day(70).isoformat(), date_fin=day(70).isoformat()
        ),  # good
    ]
    report = run(organisme, rows)

    statuses = {line.number: line.status for line in report.lines}
    assert statuses == {2: LineStatus.IMPORTED, 10: LineStatus.IMPORTED} | dict.fromkeys(
        range(3, 10), LineStatus.REJECTED
    )
    reasons = {line.number: " ".join(line.reasons) for line in report.lines}
    assert reasons[3] == (
        "SIRET invalide : « 12345678901234 » (14 chiffres dont le dernier est une clé de contrôle)."
    )
    assert reasons[4] == f"Le SIRET {other_organisme.siret} n'est pas celui de votre organisme ({siret})."
    assert reasons[5] == "Commune inconnue : aucun code INSEE « 99999 »."
    assert reasons[6] == "Prix négatif : « -10 » ; le prix TTC est positif ou nul."
    assert reasons[7] == (
        "Date de début : « 31/02/2027 » n'est pas une date valide (format JJ/MM/AAAA ou AAAA-MM-JJ)."
    )
    assert reasons[8] == (
        f"Dates incohérentes : la fin ({day(45):%d/%m/%Y}) précède le début ({day(50):%d/%m/%Y})."
    )
    assert reasons[9].startswith("Le code postal 42130 dessert plusieurs communes (Boën-sur-Lignon, Leigneux")
    assert report.summary() == "9 lignes lues : 2 importées, 0 mise à jour, 7 rejetées."
    # Nothing of a rejected row exists: neither its formation nor its action.
    assert list(Formation.objects.filter(organisme=organisme).values_list("reference", flat=True)) == [
        "BUDGET"
    ]
    assert list(Action.objects.values_list("reference", flat=True)) == ["BUDGET-VC"]
    assert Session.objects.count() == 2
    assert not Formation.objects.filter(organisme=other_organisme).exists()


def test_several_reasons_of_one_row_are_all_reported(organisme, communes):
    report = run(
        organisme, [row(organisme.siret, prix_ttc="-5", date_fin="demain", code_insee="00000", modalite="?")]
    )
    line = report.lines[0]
    assert line.rejected
    assert "Prix négatif : « -5 » ; le prix TTC est positif ou nul." in line.reasons
    assert "Commune inconnue : aucun code INSEE « 00000 »." in line.reasons
    assert any(r.startswith("Date de fin : « demain »") for r in line.reasons)
    assert any(r.startswith("Modalité : « ? » n'est pas une valeur possible") for r in line.reasons)
    assert not Formation.objects.exists()


def test_a_row_the_database_refuses_is_rejected_alone(organisme, communes):
    """The chunk is replayed row by row: only the refused row is missing, its new formation included."""
    siret = organisme.siret
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE catalog_action ADD CONSTRAINT test_no_777 CHECK (prix_ttc <> 777)")
    rows = [
        row(siret),
        row(siret, reference_formation="F-777", reference_action="A-777", prix_ttc="777"),
        row(siret, reference_session="S2", date_debut=day(41).isoformat(), date_fin=day(41).isoformat()),
    ]
    report = run(organisme, rows)

    assert [line.status for line in report.lines] == [
        LineStatus.IMPORTED,
        LineStatus.REJECTED,
        LineStatus.IMPORTED,
    ]
    assert report.lines[1].reasons[0].startswith("Ligne refusée à l'enregistrement : ")
    assert not Formation.objects.filter(reference="F-777").exists()
    assert Session.objects.filter(action__reference="BUDGET-VC").count() == 2


def test_an_action_does_not_move_to_another_formation(organisme, communes):
    siret = organisme.siret
    run(organisme, [row(siret)])
    report = run(organisme, [row(siret, reference_formation="AUTRE", intitule="Autre formation")])
    assert report.lines[0].reasons == [
        "L'action « BUDGET-VC » appartient déjà à la formation « BUDGET » : une action ne change pas de "
        "formation (donnez une autre référence d'action)."
    ]
    assert not Formation.objects.filter(reference="AUTRE").exists()


def test_ineligible_action_is_imported_as_draft_with_the_reasons(organisme, communes):
    # 7 h at 700 € = 100 € HT per hour: above the cap of 80 € per hour.
    report = run(organisme, [row(organisme.siret, prix_ttc="700")])
    line = report.lines[0]
    assert line.status == LineStatus.IMPORTED
    assert Action.objects.get().status == Status.DRAFT
    assert report.published_actions == 0
    assert line.warnings[0].startswith("L'action « BUDGET-VC » reste en brouillon : Aucune session ne peut")
    assert "dépasse le plafond de 80,00\u00a0€ HT par heure" in line.warnings[0]
    assert not ActionSearch.objects.exists()


def test_brouillon_option_publishes_nothing(organisme, communes):
    data = csv_bytes([row(organisme.siret)])
    import_catalog(organisme=organisme, data=data, file_format="csv", publish=False)
    assert Formation.objects.get().status == Status.DRAFT and Action.objects.get().status == Status.DRAFT


def test_excel_file_in_windows_1252_with_commas_and_aliases(organisme, communes):
    columns = ["SIRET organisme", "Réf formation", "Intitulé", "Objectifs", "Contenu", "Contexte", "Thème",
               "Réf action", "Modalité", "Durée", "Prix", "Code INSEE de la commune", "Début", "Fin",
               "Colonne X"]  # fmt: skip
    r = row(organisme.siret, theme="Finances locales et budget")
    r |= {"siret organisme": r["siret"]}
    values = [r["siret"], "BUDGET", r["intitule"], r["objectifs"], r["contenu"], "Mandat", r["theme"],
              "BUDGET-VC", "En centre", "7", "350", "42999", r["date_debut"], r["date_fin"], "x"]  # fmt: skip
    data = (",".join(columns) + "\r\n" + ",".join(f'"{value}"' for value in values) + "\r\n").encode("cp1252")
    report = import_catalog(organisme=organisme, data=data, file_format="csv")
    assert report.file_warnings == ["Colonnes inconnues, ignorées : colonne_x."]
    assert report.lines[0].status == LineStatus.IMPORTED, report.lines[0].reasons
    assert Formation.objects.get().intitule == "Le budget communal : l'essentiel pour les élus"


def test_missing_columns_refuse_the_whole_file(organisme, communes):
    data = csv_bytes([row(organisme.siret)], columns=["siret", "intitule", "prix_ttc"])
    report = import_catalog(organisme=organisme, data=data, file_format="csv")
    assert report.file_errors == [
        "Colonnes obligatoires absentes : reference_formation, contexte, reference_action, modalite, "
        "duree_heures, date_debut, date_fin. La première ligne du fichier doit donner les noms des colonnes "
        "(voir le modèle de fichier)."
    ]
    assert report.lines == [] and not Formation.objects.exists()
