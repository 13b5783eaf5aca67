"""Territorial data after the import of the fixture folder, and its selectors."""

import pytest

from dife.referentiel.models import Commune
from dife.referentiel.selectors import (
    commune_by_code,
    communes_by_postal_code,
    departement_code_of,
    public_counts,
)


def test_communes_with_their_departement_epci_and_town_hall(imported):
    orleans = commune_by_code("45234")
    assert (orleans.nom, orleans.type, orleans.departement.code, orleans.epci.nom) == (
        "Orléans", "COM", "45", "Orléans Métropole",
    )  # fmt: skip
    assert orleans.departement.region.nom == "Centre-Val de Loire"
    assert orleans.population > 100_000
    assert orleans.latitude == pytest.approx(47.90, abs=0.02)
    assert orleans.longitude == pytest.approx(1.91, abs=0.02)
    assert commune_by_code("2a004").nom == "Ajaccio"
    assert commune_by_code("99999") is None and commune_by_code("") is None


def test_shared_insee_code_prefers_the_real_commune(imported):
    assert Commune.objects.filter(code="01015").count() == 2
    assert commune_by_code("01015").nom == "Arboys en Bugey"
    deleguee = Commune.objects.get(code="01015", type="COMD")
    # No département in the source for a commune déléguée: its parent's.
    assert deleguee.parent.nom == "Arboys en Bugey" and deleguee.departement.code == "01"
    assert departement_code_of(deleguee) == "01"


@pytest.mark.parametrize(
    ("code", "departement"),
    [("45234", "45"), ("57463", "57"), ("67482", "67"), ("2A004", "2A"), ("97411", "974"), ("75101", "75")],
)
def test_departement_code_of(imported, code, departement):
    assert departement_code_of(commune_by_code(code)) == departement


def test_postal_codes_both_ways(imported):
    assert [c.nom for c in communes_by_postal_code("45000")] == ["Orléans"]
    # 97411 is Saint-Denis' INSEE code but a postal code of Saint-Paul.
    assert [c.nom for c in communes_by_postal_code("97411")] == ["Saint-Paul"]
    assert sorted(commune_by_code("57463").codes_postaux.values_list("code", flat=True)) == [
        "57000", "57050", "57070",
    ]  # fmt: skip


def test_public_counts_counts_real_communes_only(imported):
    assert public_counts() == {"communes": 18}  # 20 entries, one commune déléguée, one arrondissement


def test_paris_has_no_town_hall_location(imported):
    paris = commune_by_code("75056")
    assert paris.latitude is None and paris.longitude is None
