"""Property tests: the business-day functions agree with each other for any date and place."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dife.core.calendar import (
    business_days_between,
    is_business_day,
    nth_business_day_after,
)

DEPARTEMENTS = [
    None,
    "45",
    "33",
    "2A",
    "57",
    "67",
    "68",
    "971",
    "972",
    "973",
    "974",
    "975",
    "976",
    "977",
    "978",
]

places = st.sampled_from(DEPARTEMENTS)
# From the opening of the national service (the delays are in force from 2022-01-01) to 2040.
days = st.dates(min_value=date(2022, 1, 1), max_value=date(2040, 12, 31))
counts = st.integers(min_value=1, max_value=25)

common = settings(max_examples=300, deadline=None, database=None)


def _slow_count(a: date, b: date, departement) -> int:
    """Business days x with a < x <= b, one day at a time."""
    return sum(1 for i in range(1, (b - a).days + 1) if is_business_day(a + timedelta(days=i), departement))


@common
@given(a=days, b=days, n=counts, departement=places)
def test_nth_business_day_after_is_monotonic_in_the_date(a, b, n, departement):
    first, second = sorted((a, b))
    assert nth_business_day_after(first, n, departement) <= nth_business_day_after(second, n, departement)


@common
@given(d=days, n=counts, departement=places)
def test_nth_business_day_after_is_a_business_day_strictly_increasing_in_n(d, n, departement):
    day = nth_business_day_after(d, n, departement)
    assert day > d
    assert is_business_day(day, departement)
    assert nth_business_day_after(d, n + 1, departement) > day
    assert nth_business_day_after(d, n + 1, departement) == nth_business_day_after(day, 1, departement)
    assert business_days_between(d, day, departement) == n == _slow_count(d, day, departement)


@common
@given(a=days, b=days, departement=places)
def test_business_days_between_counts_one_by_one(a, b, departement):
    first, second = sorted((a, b))
    if (second - first).days > 400:
        second = first + timedelta(days=400)
    assert business_days_between(first, second, departement) == _slow_count(first, second, departement)
    assert business_days_between(second, first, departement) == -business_days_between(
        first, second, departement
    )
