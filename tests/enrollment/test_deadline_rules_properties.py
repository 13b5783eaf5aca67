"""Property tests: the enrollment deadlines agree with the business-day functions for any date and place."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dife.core.calendar import business_days_between, is_business_day, nth_business_day_after
from dife.enrollment.deadlines import (
    declaration_deadline,
    elu_confirmation_deadline,
    is_free_cancellation,
    latest_proposal_date,
    of_answer_deadline,
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
ONE_DAY = timedelta(days=1)

places = st.sampled_from(DEPARTEMENTS)
# From the opening of the national service (the delays are in force from 2022-01-01) to 2040.
days = st.dates(min_value=date(2022, 1, 1), max_value=date(2040, 12, 31))

common = settings(max_examples=300, deadline=None, database=None)


@common
@given(session_start=days, departement=places)
def test_latest_proposal_date_is_the_exact_boundary(session_start, departement):
    latest = latest_proposal_date(session_start, departement)
    assert latest < session_start
    # On time when proposing on the latest date, late the day after.
    assert nth_business_day_after(latest, 11, departement) <= session_start
    assert nth_business_day_after(latest + ONE_DAY, 11, departement) > session_start
    # The day after the latest date is always a business day (the latest date itself may not be).
    assert is_business_day(latest + ONE_DAY, departement)
    # 11 business days span at least 15 calendar days (two weekends).
    assert (session_start - latest).days >= 15


@common
@given(session_start=days, departement=places, offset=st.integers(min_value=0, max_value=60))
def test_a_proposal_is_on_time_exactly_up_to_the_latest_date(session_start, departement, offset):
    proposed_on = session_start - timedelta(days=offset)
    on_time = nth_business_day_after(proposed_on, 11, departement) <= session_start
    assert on_time == (proposed_on <= latest_proposal_date(session_start, departement))


@common
@given(session_start=days, departement=places)
def test_eleventh_business_day_after_latest_is_last_business_day_up_to_start(session_start, departement):
    latest = latest_proposal_date(session_start, departement)
    last_business_day = session_start
    while not is_business_day(last_business_day, departement):
        last_business_day -= ONE_DAY
    assert nth_business_day_after(latest, 11, departement) == last_business_day


@common
@given(a=days, b=days, departement=places)
def test_latest_proposal_date_is_monotonic(a, b, departement):
    first, second = sorted((a, b))
    assert latest_proposal_date(first, departement) <= latest_proposal_date(second, departement)


@common
@given(cancelled_on=days, session_start=days, departement=places)
def test_free_cancellation_matches_the_latest_date_with_seven_days(cancelled_on, session_start, departement):
    free = is_free_cancellation(cancelled_on, session_start, departement)
    assert free == (cancelled_on <= latest_proposal_date(session_start, departement, business_days=7))
    assert free == (business_days_between(cancelled_on, session_start, departement) >= 7)


@common
@given(d=days, departement=places)
def test_deadlines_end_a_business_day_at_midnight_paris(d, departement):
    answer = of_answer_deadline(d, departement)
    confirmation = elu_confirmation_deadline(d, departement)
    declaration = declaration_deadline(d, departement)
    assert answer < declaration < confirmation
    for deadline, n in ((answer, 2), (declaration, 3), (confirmation, 4)):
        assert str(deadline.tzinfo) == "Europe/Paris"
        assert (deadline.hour, deadline.minute, deadline.second, deadline.microsecond) == (23, 59, 59, 999999)
        assert deadline.date() == nth_business_day_after(d, n, departement)
