"""The kernel of French display (dife/core/formatting.py): amounts, rates and dates, written once."""

from datetime import date, datetime, timedelta
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest

from dife.core import formatting
from dife.core.formatting import (
    CENT,
    ZERO,
    cents,
    day_number,
    deadline_text,
    euros,
    heures,
    jour,
    jour_heure,
    json_amount,
    long_date,
    percent,
)
from dife.core.templatetags.dates_fr import date_fr

NNBSP, NBSP = "\u202f", "\u00a0"
PARIS = ZoneInfo("Europe/Paris")


def test_constants_and_cents():
    assert str(CENT) == "0.01" and str(ZERO) == "0.00"
    assert cents(D("2.345")) == D("2.35")  # half up, not half even
    assert cents(D("2.355")) == D("2.36")
    assert cents(D("-2.345")) == D("-2.35")
    assert cents(D("10")) == D("10.00") and str(cents(D("10"))) == "10.00"
    assert cents(7) == D("7.00")


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (D("0"), f"0,00{NBSP}€"),
        (D("5"), f"5,00{NBSP}€"),
        (D("999.99"), f"999,99{NBSP}€"),
        (D("1000"), f"1{NNBSP}000,00{NBSP}€"),
        (D("1234.5"), f"1{NNBSP}234,50{NBSP}€"),
        (D("1234567.891"), f"1{NNBSP}234{NNBSP}567,89{NBSP}€"),
        (D("0.005"), f"0,01{NBSP}€"),  # rounded half up to the cent
        (D("999.995"), f"1{NNBSP}000,00{NBSP}€"),
        (D("-300"), f"\u2212300,00{NBSP}€"),
        (D("-1500.25"), f"\u22121{NNBSP}500,25{NBSP}€"),
        (D("-0.001"), f"0,00{NBSP}€"),  # rounds to zero: no sign
    ],
)
def test_euros(amount, expected):
    assert euros(amount) == expected


def test_euros_with_sign():
    assert euros(D("400"), sign=True) == f"+400,00{NBSP}€"
    assert euros(D("400"), True) == f"+400,00{NBSP}€"
    assert euros(D("-300"), sign=True) == f"\u2212300,00{NBSP}€"
    assert euros(ZERO, sign=True) == f"0,00{NBSP}€"
    assert euros(D("1500"), sign=False) == f"1{NNBSP}500,00{NBSP}€"


def test_euros_in_prose_drop_zero_cents():
    assert euros(D("800"), prose=True) == "800 €"
    assert euros(D("1500.00"), prose=True) == f"1{NNBSP}500 €"
    assert euros(D("15.25"), prose=True) == "15,25 €"
    assert euros(D("-40"), prose=True) == "\u221240 €"


def test_json_amount():
    assert json_amount(D("200")) == "200.00"
    assert json_amount(D("1234.5")) == "1234.50"
    assert json_amount(D("0.005")) == "0.01"
    assert json_amount(D("-3.1")) == "-3.10"
    assert json_amount(ZERO) == "0.00"


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        (D("0.05"), "5 %"),
        (D("0.125"), "12,5 %"),
        (D("0.25"), "25 %"),
        (D("0.8"), "80 %"),
        (D("1"), "100 %"),
        (D("0.75"), "75 %"),
        (D("0"), "0 %"),
    ],
)
def test_percent(rate, expected):
    assert percent(rate) == expected


def test_heures():
    assert heures(D("6.0")) == "6h" and heures(D("3.5")) == "3,5h" and heures(D("12")) == "12h"


def test_long_date_first_of_month_is_1er():
    assert day_number(date(2027, 4, 1)) == "1er"
    assert long_date(date(2027, 4, 1)) == "1er avril 2027"
    assert long_date(date(2026, 1, 1)) == "1er janvier 2026"
    assert long_date(date(2026, 4, 1), weekday=True) == "mercredi 1er avril 2026"


def test_long_date_other_days():
    assert day_number(date(2027, 4, 11)) == "11"
    assert long_date(date(2023, 3, 30)) == "30 mars 2023"
    assert long_date(date(2027, 4, 21)) == "21 avril 2027"
    assert long_date(date(2026, 8, 31)) == "31 août 2026"
    assert long_date(date(2026, 12, 2)) == "2 décembre 2026"
    assert long_date(date(2026, 5, 12), weekday=True) == "mardi 12 mai 2026"
    assert long_date(date(2026, 5, 17), weekday=True) == "dimanche 17 mai 2026"


def test_pages_and_messages_write_the_same_dates():
    """The date_fr filter of the templates and long_date agree on every day of two years."""
    day = date(2026, 1, 1)
    while day < date(2028, 1, 1):
        assert date_fr(day, "j F Y") == long_date(day)
        assert date_fr(day, "l j F Y") == long_date(day, weekday=True)
        day += timedelta(days=1)


def test_jour():
    assert jour(date(2022, 3, 21)) == "21/03/2022" and jour(date(2027, 4, 1)) == "01/04/2027"


def test_jour_heure_in_paris_time():
    assert jour_heure(datetime(2026, 5, 12, 21, 59, tzinfo=ZoneInfo("UTC"))) == "12/05/2026 à 23:59"


def test_deadline_text():
    assert deadline_text(None) == ""
    assert deadline_text(datetime(2026, 5, 12, 23, 59, tzinfo=PARIS)) == "mardi 12 mai 2026 à 23 h 59"
    assert deadline_text(datetime(2026, 6, 1, 23, 59, tzinfo=PARIS)) == "lundi 1er juin 2026 à 23 h 59"


def test_deadline_text_uses_the_paris_day():
    # 31 March 22:30 UTC is 1 April 00:30 in Paris.
    moment = datetime(2027, 3, 31, 22, 30, tzinfo=ZoneInfo("UTC"))
    assert deadline_text(moment) == "jeudi 1er avril 2027 à 00 h 30"


def test_no_locale_dependency():
    from django.utils import translation

    with translation.override("en"):
        assert deadline_text(datetime(2026, 6, 1, 9, 5, tzinfo=PARIS)) == "lundi 1er juin 2026 à 09 h 05"
        assert euros(D("1500")) == f"1{NNBSP}500,00{NBSP}€"


def test_tables():
    assert len(formatting.MONTHS) == 12 and len(formatting.WEEKDAYS) == 7
