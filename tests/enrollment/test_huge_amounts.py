"""Huge numbers in the public tools (security review F6 a): a French 400, never a 500 from
``Decimal.quantize``; the ledger's amount check refuses them the same way."""

from __future__ import annotations

import pytest

from dife.rights.services import InvalidAmount, _money
from tests.enrollment.helpers import text
from tests.enrollment.test_outil_reglement import API, EXAMPLE

pytestmark = pytest.mark.django_db

HUGE = [("prix", "9e99"), ("prix", "1e309"), ("droits_engages", "1e26"), ("prix", "-1e30")]


@pytest.mark.parametrize(("field", "value"), HUGE)
def test_the_page_refuses_huge_numbers_in_french(client, places, field, value):
    page = client.get("/outils/reglement", EXAMPLE | {"evenement": "sortie", field: value})
    assert page.status_code == 400
    assert "Le nombre doit être compris entre 0 et" in text(page)


@pytest.mark.parametrize(("field", "value"), HUGE)
def test_the_api_refuses_huge_numbers(client, places, field, value):
    response = client.get(API, EXAMPLE | {"evenement": "sortie", field: value})
    assert response.status_code == 400
    assert "compris entre 0 et" in str(response.json())


@pytest.mark.parametrize("value", ["1e26", "-1e26", "9e99", "1e309"])
def test_money_refuses_huge_amounts(value):
    with pytest.raises(InvalidAmount):
        _money(value, allow_negative=True)
