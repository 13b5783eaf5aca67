"""The import command on the small fixture folder (tests/referentiel/data, see make_fixtures.py)."""

import io
import lzma
import shutil
from datetime import date

import pytest
from django.core.management import call_command

from dife.mandates.importer import run_import
from dife.mandates.models import Mandate, Person
from dife.referentiel.models import EPCI, CodePostal, Commune, Departement, Region
from tests.referentiel.conftest import TODAY


def counts(report):
    return {key: (t.inserted, t.updated, t.unchanged, t.removed) for key, t in report.tables.items()}


@pytest.mark.django_db(transaction=True)
def test_first_import_counts_and_second_run_changes_nothing(data_dir):
    out = io.StringIO()
    first = run_import(data_dir, out, today=TODAY)

    assert counts(first) == {
        "regions": (18, 0, 0, 0),
        "departements": (101, 0, 0, 0),
        "epci": (10, 0, 0, 0),
        "communes": (20, 0, 0, 0),
        "codes_postaux": (33, 0, 0, 0),
        "persons": (31, 0, 0, 0),
        "mandates": (35, 0, 0, 0),
    }
    assert (Region.objects.count(), Departement.objects.count(), EPCI.objects.count()) == (18, 101, 10)
    assert Commune.objects.count() == 20 and CodePostal.objects.count() == 33
    assert Person.objects.count() == 31 and Mandate.objects.count() == 35
    assert "Mandats : 35 ajouté(s), 0 modifié(s), 0 inchangé(s)" in out.getvalue()

    second = run_import(data_dir, today=TODAY)
    assert all(
        inserted == updated == removed == 0 for inserted, updated, _, removed in counts(second).values()
    )
    assert counts(second)["mandates"] == (0, 0, 35, 0)
    assert counts(second)["persons"] == (0, 0, 31, 0)
    assert counts(second)["communes"] == (0, 0, 20, 0)


def test_malformed_rows_are_reported_with_their_line_and_skipped(imported, data_dir):
    with lzma.open(data_dir / "elus_municipaux.csv.lzma", "rt", newline="") as fh:
        text = fh.read()
    lines = text.split("\n")

    def line_of(marker):
        return next(i for i, line in enumerate(lines, start=1) if line.startswith(marker))

    rejected = {(r.filename, r.line): r.message for r in imported.rejected}
    assert rejected == {
        ("elus_municipaux.csv.lzma", line_of("901,")): "date de début de mandat invalide : « 2026-02-30 »",
        ("elus_municipaux.csv.lzma", line_of("902,")): "nom manquant",
        ("elus_municipaux.csv.lzma", line_of("903,")): "commune inconnue (identifiant 999999)",
    }
    # The multi-line field above them: a record number would be one less than the line.
    assert line_of("901,") == 29
    assert not Mandate.objects.filter(source_id__in=[901, 902, 903]).exists()
    assert Mandate.objects.filter(source="rne_municipal").count() == 26


def test_one_person_for_a_municipal_and_a_departmental_mandate(imported):
    person = Person.objects.get(matching_key="dupontlajoie|jeanpierre|1960-01-31")
    assert person.nom == "DUPONT-LAJOIE"  # the municipal file's spelling wins
    assert sorted(person.mandates.values_list("kind", "collectivite_code")) == [
        ("departemental", "45"),
        ("municipal", "45234"),
    ]
    mayor = Person.objects.get(nom="MARTIN", prenoms="Sophie")
    assert sorted(mayor.mandates.values_list("kind", "collectivite_label", "fonction")) == [
        ("communautaire", "Orléans Métropole", "VPE"),
        ("municipal", "Orléans", "MAI"),
        ("regional", "Conseil régional du Centre-Val de Loire", ""),
    ]
    assert imported.defects["identity_spelling_variants"].count == 1


def test_day_month_swaps_are_corrected_by_the_written_rule(imported):
    assert imported.register_date == date(2026, 7, 20)
    departmental = Mandate.objects.get(source="rne_departemental", source_id=201)
    assert departmental.start_date == date(2021, 7, 1)
    assert departmental.start_date_original == date(2021, 1, 7)
    assert departmental.start_check == Mandate.StartCheck.CORRECTED
    assert departmental.collectivite_label == "Conseil départemental du Loiret"
    president = Mandate.objects.get(source="rne_departemental", source_id=202)
    assert (president.fonction_start, president.fonction_start_original) == (
        date(2021, 7, 1),
        date(2021, 1, 7),
    )

    before = Mandate.objects.get(source="rne_municipal", source_id=3)  # 2026-01-04, before the election
    assert (before.start_date, before.start_check) == (date(2026, 4, 1), "corrected")
    after = Mandate.objects.get(source="rne_municipal", source_id=4)  # 2026-09-04, after the register date
    assert (after.start_date, after.start_date_original) == (date(2026, 4, 9), date(2026, 9, 4))
    suspect = Mandate.objects.get(source="rne_municipal", source_id=6)  # 2025-02-20: no swap possible
    assert (suspect.start_date, suspect.start_check, suspect.start_date_original) == (
        date(2025, 2, 20), "suspect", None,
    )  # fmt: skip
    by_election = Mandate.objects.get(source="rne_departemental", source_id=204)
    assert (by_election.start_date, by_election.start_check) == (date(2023, 3, 26), "ok")
    regional = Mandate.objects.get(source="rne_regional", source_id=302)
    assert regional.start_date == date(2021, 7, 2)
    assert regional.collectivite_code == "44"

    defects = {code: (d.count, dict(d.breakdown)) for code, d in imported.defects.items() if d.count}
    assert defects == {
        "start_swapped_before_election": (7, {"municipal": 1, "departemental": 4, "regional": 2}),
        "start_swapped_after_register": (1, {"municipal": 1}),
        "start_suspect_before_election": (1, {"municipal": 1}),
        "fonction_start_swapped_before_election": (1, {"departemental": 1}),
        "epci_mandate_without_epci": (1, {}),
        "identity_spelling_variants": (1, {}),
        "identity_several_municipal": (1, {}),
        "identity_parenthesised_mention": (1, {}),
    }
    assert "2021-01-07 → 2021-07-01" in imported.defects["start_swapped_before_election"].examples[1]
    rendered = imported.render()
    assert "Début de mandat antérieur à l'élection générale du conseil, jour et mois inversés : 7" in rendered


def test_identity_defects_keep_every_person(imported):
    grondin = Person.objects.get(nom="GRONDIN")
    assert sorted(grondin.mandates.values_list("collectivite_code", flat=True)) == ["97411", "97415"]
    mention = Person.objects.get(nom="DURAND (LEROY)")
    assert mention.matching_key == "durand|isabelle|1972-08-08"
    assert mention.alt_matching_key == "leroy|isabelle|1972-08-08"
    le_gall = Person.objects.get(nom="LE GALL")  # commune without EPCI: municipal mandate only
    assert list(le_gall.mandates.values_list("kind", flat=True)) == ["municipal"]


def test_mandate_missing_from_a_new_register_is_flagged_not_deleted(imported, data_dir, tmp_path):
    newer = tmp_path / "data"
    shutil.copytree(data_dir, newer)
    path = newer / "elus_regionaux.csv.lzma"
    with lzma.open(path, "rt", newline="") as fh:
        rows = fh.read().split("\n")
    with lzma.open(path, "wt", newline="") as fh:
        fh.write("\n".join(row for row in rows if not row.startswith("303,")))

    report = run_import(newer, only="elus", today=TODAY)

    assert report.tables["mandates"].removed == 1
    mandate = Mandate.objects.get(source="rne_regional", source_id=303)
    assert mandate.removed_from_register_on == TODAY and mandate.end_date is None
    assert Person.objects.filter(nom="NATIVEL").exists()
    # Back in a later register: the flag is lifted.
    report = run_import(data_dir, only="elus", today=TODAY)
    assert report.tables["mandates"].updated == 1
    assert Mandate.objects.get(pk=mandate.pk).removed_from_register_on is None


@pytest.mark.django_db
def test_only_referentiel_then_if_empty(data_dir):
    report = run_import(data_dir, only="referentiel", today=TODAY)
    assert set(report.tables) == {"regions", "departements", "epci", "communes", "codes_postaux"}
    assert not Person.objects.exists()

    report = run_import(data_dir, if_empty=True, today=TODAY)
    assert set(report.tables) == {"persons", "mandates"}
    assert report.skipped == ["Partie « referentiel » déjà chargée : ignorée (--if-empty)."]
    report = run_import(data_dir, if_empty=True, today=TODAY)
    assert report.tables == {} and len(report.skipped) == 2


@pytest.mark.django_db
def test_command(data_dir):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_referentiel", "--data-dir", str(data_dir), "--no-progress", stdout=out, stderr=err)
    assert "Communes : 20 ajouté(s)" in out.getvalue()
    assert "3 ligne(s) rejetée(s)" in err.getvalue()
    out = io.StringIO()
    call_command("import_referentiel", "--data-dir", str(data_dir), "--only", "referentiel", stdout=out)
    assert "Communes : 0 ajouté(s), 0 modifié(s), 20 inchangé(s)" in out.getvalue()


@pytest.mark.django_db
def test_missing_file_is_an_error(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Fichier introuvable"):
        call_command("import_referentiel", "--data-dir", str(tmp_path), "--no-progress")
