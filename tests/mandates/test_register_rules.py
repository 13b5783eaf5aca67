from datetime import date

import pytest

from dife.mandates import register_rules as rules
from dife.mandates.elections import last_general_election, opening_first_round

REGISTER = date(2026, 7, 31)


@pytest.mark.parametrize(
    ("council", "value", "expected", "status", "reason"),
    [
        ("departemental", date(2021, 1, 7), date(2021, 7, 1), "corrected", "before_election"),
        ("regional", date(2021, 2, 7), date(2021, 7, 2), "corrected", "before_election"),
        ("municipal", date(2026, 1, 4), date(2026, 4, 1), "corrected", "before_election"),
        ("communautaire", date(2026, 9, 4), date(2026, 4, 9), "corrected", "after_register"),
        ("municipal", date(2026, 3, 15), date(2026, 3, 15), "ok", ""),
        ("departemental", date(2021, 6, 12), date(2021, 12, 6), "corrected", "before_election"),
        ("departemental", date(2023, 3, 26), date(2023, 3, 26), "ok", ""),
        ("communautaire", date(2024, 1, 8), date(2024, 1, 8), "suspect", "before_election"),
        ("municipal", date(2026, 2, 20), date(2026, 2, 20), "suspect", "before_election"),
        ("municipal", date(2026, 12, 30), date(2026, 12, 30), "suspect", "after_register"),
        ("municipal", date(2026, 3, 3), date(2026, 3, 3), "suspect", "before_election"),  # day == month
    ],
)
def test_check_date(council, value, expected, status, reason):
    check = rules.check_date(council, value, REGISTER)
    assert (check.value, check.status, check.reason) == (expected, status, reason)
    assert check.original == (value if status == "corrected" else None)


def test_register_date_defaults_to_today():
    assert rules.register_date_from(None, date(2026, 11, 26)) == date(2026, 11, 26)
    assert rules.register_date_from(date(2026, 7, 31), date(2026, 11, 26)) == date(2026, 7, 31)


def test_election_table():
    assert last_general_election("municipal", REGISTER).first_round == date(2026, 3, 15)
    assert last_general_election("communautaire", REGISTER).first_round == date(2026, 3, 15)
    assert last_general_election("departemental", REGISTER).first_round == date(2021, 6, 20)
    assert last_general_election("regional", REGISTER).second_round == date(2021, 6, 27)
    assert last_general_election("municipal", date(2026, 3, 14)).first_round == date(2020, 3, 15)
    # PRODUCT §8: within 60 days after a general election's first round, that round opened the mandate.
    assert opening_first_round("departemental", date(2021, 7, 1)) == date(2021, 6, 20)
    assert opening_first_round("municipal", date(2026, 5, 14)) == date(2026, 3, 15)
    assert opening_first_round("municipal", date(2026, 5, 15)) == date(2026, 5, 15)  # by-election
