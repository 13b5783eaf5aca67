"""OF catalogue numbers (security review F6 f): the CSV import's bounds, French errors, never a 500."""

from __future__ import annotations

import pytest

from dife.catalog.models import Action, Formation, Session
from tests.catalog_of.helpers import day
from tests.catalog_of.test_of_catalogue import ACTION, FORMATION, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def formation_url(of_client, organisme, communes):
    of_client.post("/of/catalogue/formations/nouvelle", FORMATION)
    return f"/of/catalogue/formations/{Formation.objects.get(organisme=organisme).numero}"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("prix_ttc", "99999999999", "Valeur trop élevée : 99999999,99 € au plus."),
        ("prix_ttc", "1e20", "Valeur trop élevée"),
        ("prix_ttc", "9e99", "Valeur trop élevée"),
        ("prix_ttc", "350,001", "2 décimale(s) au plus."),
        ("frais_additionnels", "99999999999", "Valeur trop élevée"),
        ("frais_additionnels", "1e20", "Valeur trop élevée"),
        ("duree_heures", "0,001", "1 décimale(s) au plus."),
        ("duree_heures", "1e-30", "1 décimale(s) au plus."),
        ("duree_heures", "0", "La durée doit être supérieure à 0 heure."),
        ("duree_heures", "100000", "Valeur trop élevée : 99999,9 heures au plus."),
        ("taux_tva", "1e20", "Valeur trop élevée"),
    ],
)
def test_action_numbers_out_of_bounds_are_refused(of_client, formation_url, field, value, message):
    response = of_client.post(f"{formation_url}/actions/nouvelle", ACTION | {field: value})
    assert response.status_code == 200
    assert message in text(response)
    assert not Action.objects.exists()


@pytest.mark.parametrize("places", ["2147483648", "10001"])
def test_session_places_are_bounded(of_client, formation_url, places):
    of_client.post(f"{formation_url}/actions/nouvelle", ACTION)
    numero = Action.objects.get().numero
    url = f"/of/catalogue/actions/{numero}/sessions/nouvelle"
    dates = {"debut": day(30).isoformat(), "fin": day(30).isoformat()}
    response = of_client.post(url, dates | {"places": places})
    assert response.status_code == 200 and "10 000 places au plus." in text(response)
    assert not Session.objects.exists()
    of_client.post(url, dates | {"places": "10000"})
    assert list(Session.objects.values_list("places", flat=True)) == [10000]
