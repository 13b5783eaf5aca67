"""Enrollment deadlines: worked examples at their boundaries, around weekends and holidays (PRODUCT §5, 8)."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from dife.core.calendar import nth_business_day_after
from dife.core.parameters import NoValueInForce
from dife.enrollment.deadlines import (
    declaration_deadline,
    elu_confirmation_deadline,
    is_free_cancellation,
    latest_proposal_date,
    of_answer_deadline,
)

PARIS = ZoneInfo("Europe/Paris")


# --- Worked examples of the brief -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("session_start", "departement", "expected"),
    [
        # 7 May is the 11th business day back from 26 May (25 May, 14 May and 8 May are holidays).
        (date(2026, 5, 26), "45", date(2026, 5, 6)),
        # Moselle: Good Friday 3 April and Easter Monday 6 April do not count.
        (date(2026, 4, 20), "57", date(2026, 4, 1)),
        # Orléans: Good Friday 3 April is a business day.
        (date(2026, 4, 20), "45", date(2026, 4, 2)),
    ],
)
def test_latest_proposal_date_worked_examples(session_start, departement, expected):
    assert latest_proposal_date(session_start, departement) == expected
    assert nth_business_day_after(expected, 11, departement) <= session_start
    assert nth_business_day_after(expected + timedelta(days=1), 11, departement) > session_start


def test_latest_proposal_date_can_fall_on_a_weekend():
    # Session on Monday 2026-06-15: the 11th business day back is Monday 1 June, so D is Sunday 31 May.
    assert latest_proposal_date(date(2026, 6, 15), "45") == date(2026, 5, 31)


def test_latest_proposal_date_for_a_session_on_a_holiday():
    # Whit Monday itself does not count: same answer as for the Friday before.
    assert latest_proposal_date(date(2026, 5, 25), "45") == latest_proposal_date(date(2026, 5, 22), "45")


def test_latest_proposal_date_override():
    assert latest_proposal_date(date(2026, 5, 26), "45", business_days=1) == date(2026, 5, 25)
    with pytest.raises(ValueError):
        latest_proposal_date(date(2026, 5, 26), "45", business_days=0)


def test_latest_proposal_date_across_christmas_and_new_year():
    assert latest_proposal_date(date(2027, 1, 11), "45") == date(2026, 12, 23)


# --- Deadlines ----------------------------------------------------------------------------------------


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59, 999999), tzinfo=PARIS)


def test_of_answer_deadline_is_end_of_second_business_day_in_paris():
    deadline = of_answer_deadline(date(2026, 5, 6), "45")  # Wednesday; 8 May is a holiday
    assert deadline == _end_of(date(2026, 5, 11))
    assert deadline.tzinfo is not None and str(deadline.tzinfo) == "Europe/Paris"
    assert (deadline.hour, deadline.minute, deadline.second) == (23, 59, 59)
    assert deadline.utcoffset() == timedelta(hours=2)  # summer time
    assert deadline + timedelta(microseconds=1) == datetime(2026, 5, 12, tzinfo=PARIS)


def test_elu_confirmation_deadline_is_end_of_fourth_business_day():
    assert elu_confirmation_deadline(date(2026, 5, 12), "45") == _end_of(date(2026, 5, 19))  # skips Ascension


def test_declaration_deadline_is_end_of_third_business_day():
    assert declaration_deadline(date(2026, 4, 2), "57") == _end_of(date(2026, 4, 9))
    assert declaration_deadline(date(2026, 4, 2), "45") == _end_of(date(2026, 4, 8))


def test_deadline_in_winter_is_utc_plus_one():
    deadline = of_answer_deadline(date(2026, 12, 24), "57")
    assert deadline == _end_of(date(2026, 12, 29))
    assert deadline.utcoffset() == timedelta(hours=1)


def test_deadline_overrides_and_missing_parameter():
    assert of_answer_deadline(date(2026, 5, 6), "45", business_days=1) == _end_of(date(2026, 5, 7))
    # The delays are in force from the opening of the national service (2022-01-01).
    with pytest.raises(NoValueInForce):
        of_answer_deadline(date(2021, 6, 1), "45")
    assert of_answer_deadline(date(2021, 6, 1), "45", business_days=2) == _end_of(date(2021, 6, 3))


# --- Free cancellation --------------------------------------------------------------------------------


def test_free_cancellation_boundary():
    start = date(2026, 6, 1)  # Monday after Whit Monday
    # 7 business days back from 1 June (included): 1 June, 29, 28, 27, 26, 22, 21 May.
    assert is_free_cancellation(date(2026, 5, 20), start, "45")
    assert not is_free_cancellation(date(2026, 5, 21), start, "45")
    assert nth_business_day_after(date(2026, 5, 20), 7, "45") == start
    assert latest_proposal_date(start, "45", business_days=7) == date(2026, 5, 20)


def test_free_cancellation_on_the_session_day_is_late():
    assert not is_free_cancellation(date(2026, 6, 1), date(2026, 6, 1), "45")
