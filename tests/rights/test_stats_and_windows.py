"""/stats.json "droits", the end-of-mandate windows, the demo loader."""

from datetime import date
from decimal import Decimal as D

import pytest

from devtools.demo import rights as demo
from dife.mandates.windows import add_months, compute_windows, mandate_training_allowed, reconversion_allowed
from dife.rights import services
from dife.rights.crediting import run_crediting
from dife.rights.models import Entry
from tests.rights.conftest import add_mandate, make_person

pytestmark = pytest.mark.django_db


def test_stats_json_has_the_droits_figures(client):
    assert client.get("/stats.json").json()["droits"] == {
        "personnes_creditees": 0, "solde_total": "0.00", "reserve_total": "0.00",
    }  # fmt: skip
    for start in (date(2026, 3, 15), date(2026, 3, 22)):
        add_mandate(make_person(), "municipal", start)
    add_mandate(make_person(), "municipal", date(2026, 12, 1))  # credited only on 22 December 2026
    run_crediting(as_of=date(2026, 11, 26))
    person = make_person()
    add_mandate(person, "departemental", date(2021, 7, 1))
    run_crediting(as_of=date(2022, 1, 1))
    services.reserve(person=person, amount=D("99.99"), dossier="D-1", key="r")
    assert client.get("/stats.json").json()["droits"] == {
        "personnes_creditees": 3, "solde_total": "1200.00", "reserve_total": "99.99",
    }  # fmt: skip


def test_add_months_clamps_to_the_end_of_the_month():
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2026, 3, 15), 6) == date(2026, 9, 15)
    assert add_months(date(2027, 9, 30), 5) == date(2028, 2, 29)


def test_windows_mandate_training_until_the_end_reconversion_six_months_after_the_last_mandate():
    person = make_person()
    first = add_mandate(person, "municipal", date(2020, 3, 20), end=date(2026, 3, 21))
    second = add_mandate(person, "departemental", date(2021, 7, 1), end=date(2028, 3, 31))
    windows = compute_windows([first, second], on=date(2026, 11, 26))
    assert windows.in_office and windows.mandate_training_until == date(2028, 3, 31)
    assert (windows.last_end, windows.reconversion_until) == (date(2028, 3, 31), date(2028, 9, 30))
    assert mandate_training_allowed(person, start=date(2028, 3, 1), end=date(2028, 3, 31))
    assert not mandate_training_allowed(person, start=date(2028, 3, 30), end=date(2028, 4, 1))
    assert reconversion_allowed(person, end=date(2028, 9, 30))
    assert not reconversion_allowed(person, end=date(2028, 10, 1))
    after = compute_windows([first, second], on=date(2028, 6, 1))
    assert not after.in_office and after.reconversion_open
    assert not compute_windows([first, second], on=date(2028, 10, 1)).reconversion_open


def test_windows_while_a_mandate_has_no_end():
    person = make_person()
    add_mandate(person, "municipal", date(2026, 3, 15))
    assert reconversion_allowed(person, end=date(2040, 1, 1))
    windows = compute_windows(person.mandates.all(), on=date(2026, 11, 26))
    assert windows.in_office and windows.mandate_training_until is None and windows.reconversion_until is None
    assert not reconversion_allowed(make_person(), end=date(2026, 12, 1))  # no mandate at all


def test_demo_loader_credits_the_register_up_to_today():
    add_mandate(make_person(), "municipal", date(2026, 3, 15))
    assert "registre crédité jusqu'au" in demo.load()
    assert Entry.objects.filter(kind="credit").count() == 1
    assert "0 crédit(s)" in demo.load()
    assert demo.accounts() == []
