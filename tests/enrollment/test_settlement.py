"""PRODUCT.md §8, row by row: what the OF is paid and what becomes of the DIFE rights engaged.
Attendance at 24.99 %, 25 %, 80 % and 80.01 %; rounding half up to the cent; splits that sum exactly."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dife.enrollment.settlement import cancellation_is_free, compute

JUNE = date(2026, 6, 15)


def sortie(
    attended: str, *, fm: bool = False, price: str = "1000.00", engaged: str = "800.00", planned: str = "100"
):
    return compute(
        event="exit",
        price=D(price),
        rights_engaged=D(engaged),
        as_of=JUNE,
        force_majeure=fm,
        planned_hours=D(planned),
        attended_hours=D(attended),
    )


@pytest.mark.parametrize(
    ("attended", "of_amount", "rule"),
    [
        ("24.99", "250.00", "Assiduité inférieure à 25 %"),  # a < 25 %: flat 25 % of the price
        ("25", "250.00", "comprise entre 25 % et 80 %"),  # a = 25 %: pro rata
        ("50", "500.00", "comprise entre 25 % et 80 %"),
        ("80", "800.00", "comprise entre 25 % et 80 %"),  # a = 80 %: still pro rata
        ("80.01", "1000.00", "strictement supérieure à 80 %"),  # a > 80 %: the whole price
        ("0", "250.00", "inférieure à 25 %"),
        ("100", "1000.00", "strictement supérieure"),
    ],
)
def test_after_entry_without_force_majeure(attended, of_amount, rule):
    outcome = sortie(attended)
    assert outcome.of_amount == D(of_amount)
    assert (outcome.rights_consumed, outcome.rights_released) == (D("800.00"), D("0.00"))  # all consumed
    assert rule in outcome.rule and outcome.free_cancellation is None


@pytest.mark.parametrize(
    ("attended", "of_amount", "consumed", "released"),
    [
        ("24.99", "249.90", "199.92", "600.08"),
        ("25", "250.00", "200.00", "600.00"),
        ("80", "800.00", "640.00", "160.00"),
        ("80.01", "800.10", "640.08", "159.92"),
    ],
)
def test_after_entry_with_force_majeure_everything_pro_rata(attended, of_amount, consumed, released):
    outcome = sortie(attended, fm=True)
    assert (outcome.of_amount, outcome.rights_consumed, outcome.rights_released) == (
        D(of_amount),
        D(consumed),
        D(released),
    )


def test_cancellation_rows():
    free = compute(
        event="cancelled_by_elu",
        price=D("300"),
        rights_engaged=D("300"),
        as_of=JUNE,
        free_cancellation=True,
    )
    assert (free.of_amount, free.rights_consumed, free.rights_released, free.free_cancellation) == (
        D("0.00"),
        D("0.00"),
        D("300.00"),
        True,
    )
    late = compute(
        event="cancelled_by_elu",
        price=D("300"),
        rights_engaged=D("300"),
        as_of=JUNE,
        free_cancellation=False,
    )
    assert (late.of_amount, late.rights_consumed, late.rights_released) == (
        D("15.00"),
        D("300.00"),
        D("0.00"),
    )
    late_fm = compute(
        event="cancelled_by_elu",
        price=D("300"),
        rights_engaged=D("300"),
        as_of=JUNE,
        free_cancellation=False,
        force_majeure=True,
    )
    assert (late_fm.of_amount, late_fm.rights_consumed, late_fm.rights_released) == (
        D("0.00"),
        D("0.00"),
        D("300.00"),
    )
    absent = compute(event="no_show", price=D("300"), rights_engaged=D("120"), as_of=JUNE)
    assert (absent.of_amount, absent.rights_consumed, absent.rights_released, absent.free_cancellation) == (
        D("15.00"),
        D("120.00"),
        D("0.00"),
        None,
    )
    absent_fm = compute(
        event="no_show", price=D("300"), rights_engaged=D("120"), as_of=JUNE, force_majeure=True
    )
    assert (absent_fm.of_amount, absent_fm.rights_released) == (D("0.00"), D("120.00"))
    by_of = compute(event="cancelled_by_of", price=D("300"), rights_engaged=D("300"), as_of=JUNE)
    assert (by_of.of_amount, by_of.rights_consumed, by_of.rights_released) == (
        D("0.00"),
        D("0.00"),
        D("300.00"),
    )


def test_rounding_is_half_up_to_the_cent():
    # 5 % of 300.50 = 15.025 → 15.03 (half even would give 15.02)
    late = compute(event="no_show", price=D("300.50"), rights_engaged=D("300.50"), as_of=JUNE)
    assert late.of_amount == D("15.03")
    # 333.33 × 3 / 7 = 142.855714… → 142.86; rights 100 × 3 / 7 = 42.857… → 42.86, released 57.14
    fm = sortie("3", fm=True, price="333.33", engaged="100.00", planned="7")
    assert (fm.of_amount, fm.rights_consumed, fm.rights_released) == (D("142.86"), D("42.86"), D("57.14"))


def test_free_cancellation_is_seven_business_days_or_the_withdrawal_period():
    # Session Monday 15 June 2026 in Orléans: the 7th business day after Thursday 4 June is Monday 15 June
    # (5, 8, 9, 10, 11, 12, 15); after Friday 5 June it is Tuesday 16 June: too late.
    assert cancellation_is_free(cancelled_on=date(2026, 6, 4), session_start=JUNE, departement="45")
    assert not cancellation_is_free(cancelled_on=date(2026, 6, 5), session_start=JUNE, departement="45")
    # Within 14 days after the confirmation, before the start: free (withdrawal period)
    assert cancellation_is_free(
        cancelled_on=date(2026, 6, 8), session_start=JUNE, departement="45", confirmed_on=date(2026, 5, 26)
    )
    assert not cancellation_is_free(
        cancelled_on=date(2026, 6, 10), session_start=JUNE, departement="45", confirmed_on=date(2026, 5, 26)
    )


@settings(max_examples=200, deadline=None)
@given(
    price=st.decimals(min_value=0, max_value=5000, places=2),
    share=st.integers(min_value=0, max_value=100),
    planned=st.integers(min_value=1, max_value=400),
    attended_share=st.integers(min_value=0, max_value=10000),
    fm=st.booleans(),
)
def test_splits_always_sum_exactly(price, share, planned, attended_share, fm):
    engaged = (price * share / 100).quantize(D("0.01"))
    attended = (D(planned) * attended_share / 10000).quantize(D("0.01"))
    outcome = sortie(str(attended), fm=fm, price=str(price), engaged=str(engaged), planned=str(planned))
    assert outcome.rights_consumed + outcome.rights_released == engaged
    assert D("0") <= outcome.of_amount <= price
    assert outcome.of_amount == outcome.of_amount.quantize(D("0.01"))
