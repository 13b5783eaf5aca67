"""Business days: the holidays of each kind of place, counting forwards and backwards (PRODUCT.md §8)."""

from datetime import date, timedelta

import pytest

from dife.core import calendar
from dife.core.calendar import (
    business_days_between,
    departement_of_commune,
    holidays_between,
    is_business_day,
    nth_business_day_after,
    nth_business_day_back,
)

NATIONAL_2026 = [
    date(2026, 1, 1),
    date(2026, 4, 6),  # Lundi de Pâques
    date(2026, 5, 1),
    date(2026, 5, 8),
    date(2026, 5, 14),  # Ascension
    date(2026, 5, 25),  # Lundi de Pentecôte
    date(2026, 7, 14),
    date(2026, 8, 15),
    date(2026, 11, 1),
    date(2026, 11, 11),
    date(2026, 12, 25),
]
NATIONAL_2027 = [
    date(2027, 1, 1),
    date(2027, 3, 29),  # Lundi de Pâques (Pâques le 28 mars)
    date(2027, 5, 1),
    date(2027, 5, 6),  # Ascension
    date(2027, 5, 8),
    date(2027, 5, 17),  # Lundi de Pentecôte
    date(2027, 7, 14),
    date(2027, 8, 15),
    date(2027, 11, 1),
    date(2027, 11, 11),
    date(2027, 12, 25),
]


# --- Weekends and national holidays -------------------------------------------------------------------


def test_weekends_are_not_business_days():
    assert is_business_day(date(2026, 3, 13), "45")  # Friday
    assert not is_business_day(date(2026, 3, 14), "45")  # Saturday
    assert not is_business_day(date(2026, 3, 15), None)  # Sunday
    assert is_business_day(date(2026, 3, 16), None)  # Monday
    assert nth_business_day_after(date(2026, 3, 13), 1, "45") == date(2026, 3, 16)
    assert nth_business_day_after(date(2026, 3, 14), 1, "45") == date(2026, 3, 16)


@pytest.mark.parametrize(("year", "expected"), [(2026, NATIONAL_2026), (2027, NATIONAL_2027)])
@pytest.mark.parametrize("departement", [None, "45", "33", "75", "2A", "2B", "01"])
def test_national_holidays_of_metropolitan_france(year, expected, departement):
    found = holidays_between(date(year, 1, 1), date(year, 12, 31), departement)
    assert [d for d, _ in found] == expected
    weekday_holidays = [d for d in expected if d.weekday() < 5]
    assert all(not is_business_day(d, departement) for d in expected)
    assert business_days_between(date(year - 1, 12, 31), date(year, 12, 31), departement) == (
        sum(1 for i in range(365) if (date(year, 1, 1) + timedelta(days=i)).weekday() < 5)
        - len(weekday_holidays)
    )


def test_holiday_names_are_in_french():
    names = dict(holidays_between(date(2026, 1, 1), date(2026, 12, 31), "45"))
    assert names[date(2026, 1, 1)] == "Jour de l'an"
    assert names[date(2026, 5, 25)] == "Lundi de Pentecôte"
    assert names[date(2026, 11, 11)] == "Armistice"
    assert names[date(2026, 12, 25)] == "Noël"


def test_holidays_between_is_inclusive_and_rejects_reversed_ranges():
    assert holidays_between(date(2026, 5, 1), date(2026, 5, 8), "45") == [
        (date(2026, 5, 1), "Fête du Travail"),
        (date(2026, 5, 8), "Fête de la Victoire"),
    ]
    assert holidays_between(date(2026, 5, 2), date(2026, 5, 7), "45") == []
    with pytest.raises(ValueError):
        holidays_between(date(2026, 5, 8), date(2026, 5, 1), "45")


# --- Alsace-Moselle and overseas ----------------------------------------------------------------------


@pytest.mark.parametrize("departement", ["57", "67", "68"])
def test_alsace_moselle_days(departement):
    days = dict(holidays_between(date(2026, 1, 1), date(2026, 12, 31), departement))
    assert days[date(2026, 4, 3)] == "Vendredi saint"
    assert days[date(2026, 12, 26)] == "Saint-Étienne"
    assert len(days) == 13
    assert not is_business_day(date(2026, 4, 3), departement)  # Good Friday 2026
    assert not is_business_day(date(2025, 12, 26), departement)  # 26 December 2025, a Friday
    assert not is_business_day(date(2027, 3, 26), departement)  # Good Friday 2027


def test_alsace_moselle_days_are_business_days_elsewhere():
    for departement in ("45", None, "54", "88"):
        assert is_business_day(date(2026, 4, 3), departement)
        assert is_business_day(date(2025, 12, 26), departement)


@pytest.mark.parametrize(
    ("departement", "day"),
    [
        ("971", date(2026, 5, 27)),  # Guadeloupe
        ("972", date(2026, 5, 22)),  # Martinique
        ("973", date(2026, 6, 10)),  # Guyane
        ("974", date(2026, 12, 20)),  # La Réunion
        ("976", date(2026, 4, 27)),  # Mayotte
        ("977", date(2026, 10, 9)),  # Saint-Barthélemy
        ("978", date(2026, 5, 28)),  # Saint-Martin
    ],
)
def test_overseas_abolition_of_slavery_days(departement, day):
    assert dict(holidays_between(day, day, departement)) == {day: "Abolition de l'esclavage"}
    assert holidays_between(day, day, "45") == []


def test_reunion_20_december_is_not_a_business_day_there_only():
    monday = date(2027, 12, 20)
    assert not is_business_day(monday, "974")
    assert is_business_day(monday, "45")
    assert nth_business_day_after(date(2027, 12, 17), 1, "974") == date(2027, 12, 21)
    assert nth_business_day_after(date(2027, 12, 17), 1, "45") == monday


# --- Year boundary ------------------------------------------------------------------------------------


def test_counting_across_christmas_and_new_year():
    christmas_eve = date(2026, 12, 24)  # Thursday
    assert [nth_business_day_after(christmas_eve, n, "45") for n in range(1, 6)] == [
        date(2026, 12, 28),
        date(2026, 12, 29),
        date(2026, 12, 30),
        date(2026, 12, 31),
        date(2027, 1, 4),  # 1 January is a holiday, then a weekend
    ]
    assert business_days_between(christmas_eve, date(2027, 1, 4), "45") == 5
    assert holidays_between(christmas_eve, date(2027, 1, 2), "57") == [
        (date(2026, 12, 25), "Noël"),
        (date(2026, 12, 26), "Saint-Étienne"),
        (date(2027, 1, 1), "Jour de l'an"),
    ]
    # 2025-12-24 is a Wednesday: in Moselle both 25 and 26 December are off.
    assert nth_business_day_after(date(2025, 12, 24), 1, "57") == date(2025, 12, 29)
    assert nth_business_day_after(date(2025, 12, 24), 1, "45") == date(2025, 12, 26)


# --- Places -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("57463", "57"),
        ("45234", "45"),
        ("2A004", "2A"),
        ("2b033", "2B"),
        ("01001", "01"),
        ("75056", "75"),
        ("97411", "974"),
        ("97101", "971"),
        ("97502", "975"),
        ("97701", "977"),
        ("97801", "978"),
        ("98818", "988"),
    ],
)
def test_departement_of_commune(code, expected):
    assert departement_of_commune(code) == expected


@pytest.mark.parametrize(
    "code", ["", "5746", "574633", "20004", "2C004", "96001", "99138", "ABCDE", "97999x"]
)
def test_departement_of_commune_rejects_invalid_codes(code):
    with pytest.raises(ValueError):
        departement_of_commune(code)


@pytest.mark.parametrize("departement", ["20", "96", "99", "979", "ABC", ""])
def test_unknown_departement_is_an_error(departement):
    with pytest.raises(ValueError):
        is_business_day(date(2026, 5, 4), departement)


def test_subdivision_mapping():
    assert calendar.holiday_subdivision("67") == calendar.holiday_subdivision("68") == "6AE"
    assert calendar.holiday_subdivision("57") == "57"
    assert calendar.holiday_subdivision("975") == "PM"
    assert calendar.holiday_subdivision("2A") is None
    assert calendar.holiday_subdivision("1") is None  # "01"
    assert calendar.holiday_subdivision(None) is None


def test_nth_business_day_after_requires_positive_n():
    with pytest.raises(ValueError):
        nth_business_day_after(date(2026, 5, 4), 0, "45")


def test_nth_business_day_back_counts_the_day_itself_when_it_is_a_business_day():
    assert nth_business_day_back(date(2026, 5, 26), 1, "45") == date(2026, 5, 26)  # Tuesday
    assert nth_business_day_back(date(2026, 5, 25), 1, "45") == date(2026, 5, 22)  # Whit Monday
    assert nth_business_day_back(date(2026, 5, 26), 11, "45") == date(2026, 5, 7)
    assert nth_business_day_back(date(2026, 4, 20), 11, "57") == date(2026, 4, 2)  # Good Friday off
    with pytest.raises(ValueError):
        nth_business_day_back(date(2026, 5, 4), 0, "45")


def test_holiday_tables_are_cached_and_read_only():
    first = calendar._holidays_of_year("57", 2026)
    assert calendar._holidays_of_year("57", 2026) is first
    with pytest.raises(TypeError):
        first[date(2026, 6, 1)] = "x"  # type: ignore[index]
