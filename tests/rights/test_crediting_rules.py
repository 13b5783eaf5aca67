"""PRODUCT.md §8 crediting dates and amounts (pure functions, no database)."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dife.rights.crediting_rules import (
    MandateSpan,
    anniversary,
    credit_amount,
    crediting_date_in_year,
    crediting_dates,
    mandate_anchor,
    next_crediting_date,
    simulate,
    third_monday_after,
)


def span(kind, start, end=None, order=0):
    return MandateSpan.of(kind=kind, start=start, end=end, order=order)


@pytest.mark.parametrize(
    ("first_round", "expected"),
    [
        (date(2026, 3, 15), date(2026, 3, 30)),  # PRODUCT §3: municipal 2026
        (date(2021, 6, 20), date(2021, 7, 5)),  # PRODUCT §3: départementaux / régionaux 2021
        (date(2020, 3, 15), date(2020, 3, 30)),
        (date(2024, 10, 7), date(2024, 10, 28)),  # a Monday never counts itself
        (date(2024, 10, 12), date(2024, 10, 28)),  # a Saturday
    ],
)
def test_third_monday_after_the_first_round(first_round, expected):
    assert third_monday_after(first_round) == expected
    assert expected.weekday() == 0


def test_anniversary_of_29_february_is_28_february_in_common_years():
    assert anniversary(date(2024, 2, 29), 2025) == date(2025, 2, 28)
    assert anniversary(date(2024, 2, 29), 2028) == date(2028, 2, 29)


def test_anchor_uses_the_general_election_within_60_days_else_the_start():
    # second-round and late installations of March 2026 all take the first round of 15 March
    assert mandate_anchor("municipal", date(2026, 3, 22)) == date(2026, 3, 30)
    assert mandate_anchor("communautaire", date(2026, 4, 10)) == date(2026, 3, 30)
    assert mandate_anchor("departemental", date(2021, 7, 1)) == date(2021, 7, 5)
    # by-election (élection partielle): more than 60 days after the general election
    assert mandate_anchor("municipal", date(2024, 10, 6)) == date(2024, 10, 21)
    # a municipal general election does not open a departmental mandate
    assert mandate_anchor("departemental", date(2026, 3, 20)) == third_monday_after(date(2026, 3, 20))


def test_newly_elected_municipal_2026_is_credited_on_30_march_each_year():
    mandates = [span("municipal", date(2026, 3, 15))]
    assert crediting_dates(mandates, until=date(2028, 12, 31)) == [
        date(2026, 3, 30), date(2027, 3, 30), date(2028, 3, 30),
    ]  # fmt: skip


def test_installed_after_the_anchor_is_credited_on_taking_office_the_first_year():
    mandates = [span("municipal", date(2026, 4, 20))]
    assert crediting_dates(mandates, until=date(2027, 12, 31)) == [date(2026, 4, 20), date(2027, 3, 30)]


def test_elus_in_office_in_2021_are_credited_on_23_july_2021_then_on_their_anniversary():
    departemental = [span("departemental", date(2021, 7, 1))]
    assert crediting_dates(departemental, until=date(2023, 12, 31)) == [
        date(2021, 7, 23), date(2022, 7, 5), date(2023, 7, 5),
    ]  # fmt: skip
    municipal_2020 = [span("municipal", date(2020, 3, 20))]
    assert crediting_dates(municipal_2020, until=date(2022, 12, 31)) == [date(2021, 7, 23), date(2022, 3, 30)]


def test_nothing_is_credited_before_the_2021_derogation():
    mandates = [span("municipal", date(2014, 3, 28))]
    assert crediting_dates(mandates, until=date(2021, 7, 22)) == []
    # a mandate that ended before 23 July 2021 never opened a DIFE credit
    assert (
        crediting_dates([span("municipal", date(2014, 3, 28), date(2020, 6, 30))], until=date(2026, 1, 1))
        == []
    )


def test_by_election_after_july_2021_follows_the_normal_rule():
    mandates = [span("municipal", date(2021, 10, 10))]  # by-election, Sunday 10 October 2021
    assert crediting_dates(mandates, until=date(2022, 12, 31)) == [date(2021, 10, 25), date(2022, 10, 25)]


def test_with_several_mandates_the_oldest_running_one_sets_the_date():
    mandates = [
        span("municipal", date(2026, 3, 15), order=1),
        span("departemental", date(2021, 7, 1), order=2),
    ]
    assert crediting_date_in_year(mandates, 2026) == date(2026, 7, 5)
    assert crediting_dates(mandates, until=date(2027, 12, 31))[-2:] == [date(2026, 7, 5), date(2027, 7, 5)]


def test_a_mandate_that_ends_stops_crediting_and_the_next_oldest_takes_over():
    ends = date(2025, 6, 30)
    mandates = [
        span("departemental", date(2021, 7, 1), end=ends, order=1),
        span("municipal", date(2021, 11, 15), order=2),  # by-election: anchor 6 December 2021
    ]
    assert crediting_dates(mandates, until=date(2026, 12, 31)) == [
        date(2021, 7, 23), date(2022, 7, 5), date(2023, 7, 5), date(2024, 7, 5),
        date(2025, 12, 6), date(2026, 12, 6),
    ]  # fmt: skip
    # a mandate running on its anniversary (last day included) still credits that year
    assert crediting_date_in_year(
        [span("departemental", date(2021, 7, 1), end=date(2024, 7, 5))], 2024
    ) == date(2024, 7, 5)
    assert (
        crediting_date_in_year([span("departemental", date(2021, 7, 1), end=date(2024, 7, 4))], 2024) is None
    )


def test_next_crediting_date():
    mandates = [span("municipal", date(2026, 3, 15))]
    assert next_crediting_date(mandates, after=date(2026, 11, 26)) == date(2027, 3, 30)
    assert (
        next_crediting_date(
            [span("municipal", date(2026, 3, 15), end=date(2027, 1, 1))], after=date(2026, 11, 26)
        )
        is None
    )


@pytest.mark.parametrize(
    ("balance", "on", "expected"),
    [
        (D("0"), date(2021, 7, 23), D("400.00")),
        (D("1200"), date(2021, 12, 31), D("300.00")),  # ceiling 1 500 € until 31/12/2021
        (D("400"), date(2021, 12, 31), D("400.00")),
        (D("400"), date(2022, 1, 1), D("300.00")),  # ceiling 700 € from 01/01/2022
        (D("700"), date(2023, 3, 29), D("0.00")),
        (D("700"), date(2023, 3, 30), D("100.00")),  # ceiling 800 € from 30/03/2023
        (D("800"), date(2026, 3, 30), D("0.00")),
        (D("900"), date(2026, 3, 30), D("0.00")),  # above a lowered ceiling: nothing, never negative
        (D("123.45"), date(2026, 3, 30), D("400.00")),
        (D("555.55"), date(2026, 3, 30), D("244.45")),
    ],
)
def test_credit_amount_is_capped_by_the_ceiling_in_force_that_day(balance, on, expected):
    assert credit_amount(balance=balance, on=on) == expected


def test_ceiling_changes_along_the_years_of_a_2021_departmental_elu():
    credits = simulate(first_round=date(2021, 6, 20), until=date(2024, 12, 31))
    assert [(c.date, c.amount, c.balance, c.ceiling) for c in credits] == [
        (date(2021, 7, 23), D("400.00"), D("400.00"), D("1500.00")),
        (date(2022, 7, 5), D("300.00"), D("700.00"), D("700.00")),
        (date(2023, 7, 5), D("100.00"), D("800.00"), D("800.00")),
        (date(2024, 7, 5), D("0.00"), D("800.00"), D("800.00")),
    ]


def test_municipal_2020_elu_reaches_800_on_30_march_2023():
    credits = simulate(first_round=date(2020, 3, 15), until=date(2023, 3, 30))
    assert [(c.date, c.amount) for c in credits] == [
        (date(2021, 7, 23), D("400.00")), (date(2022, 3, 30), D("300.00")), (date(2023, 3, 30), D("100.00")),
    ]  # fmt: skip


def test_issue_example_municipal_2026():
    credits = simulate(first_round=date(2026, 3, 15), until=date(2027, 4, 1))
    assert [(c.date, c.amount, c.balance, c.ceiling) for c in credits] == [
        (date(2026, 3, 30), D("400.00"), D("400.00"), D("800.00")),
        (date(2027, 3, 30), D("400.00"), D("800.00"), D("800.00")),
    ]


mandate_spans = st.lists(
    st.builds(
        lambda kind, start, length: span(kind, start, None if length is None else start + length),
        st.sampled_from(["municipal", "communautaire", "departemental", "regional"]),
        st.dates(date(2012, 1, 1), date(2030, 12, 31)),
        st.one_of(st.none(), st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3000))),
    ),
    max_size=4,
)  # fmt: skip


@given(mandate_spans, st.dates(date(2021, 1, 1), date(2035, 12, 31)))
def test_properties_of_the_crediting_dates(mandates, until):
    dates = crediting_dates(mandates, until=until)
    years = [d.year for d in dates]
    assert years == sorted(set(years)), "at most one crediting date a year, in order"
    for day in dates:
        assert date(2021, 7, 23) <= day <= until
        assert any(m.runs_on(day) for m in mandates), "never credited outside a mandate"
