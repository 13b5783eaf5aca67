"""Dated parameters: values as of a date, boundaries, errors and the registry's own checks."""

from datetime import date
from decimal import Decimal

import pytest

from dife.core import parameters
from dife.core.parameters import (
    NoValueInForce,
    Parameter,
    ParameterError,
    Unit,
    UnknownParameter,
    all_keys,
    build_registry,
    history,
    value,
)

REQUIRED_KEYS = {
    "dife.annual_credit",
    "dife.ceiling",
    "dife.credit_2021_date",
    "catalog.mandate_hourly_cost_cap",
    "enrollment.of_answer_business_days",
    "enrollment.elu_confirmation_business_days",
    "enrollment.declaration_business_days",
    "enrollment.proposal_lead_business_days",
    "enrollment.free_cancellation_business_days",
    "settlement.late_cancellation_rate",
    "settlement.attendance_low_threshold",
    "settlement.attendance_low_payment_rate",
    "settlement.attendance_full_threshold",
    "funding.collectivite_max_rate",
    "funding.of_payment_calendar_days",
    "mandates.reconversion_window_months",
    "expenses.meal",
    "expenses.night_base",
    "expenses.night_large_city",
    "expenses.night_paris",
    "identity.manual_verification_target_days",
    "accounts.email_code_validity_minutes",
    "accounts.email_code_max_attempts",
    "accounts.password_min_length",
}


def test_all_required_keys_are_present_and_sorted():
    keys = all_keys()
    assert set(keys) >= REQUIRED_KEYS
    assert list(keys) == sorted(keys)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2021, 1, 1), "1500.00"),
        (date(2021, 12, 31), "1500.00"),
        (date(2022, 1, 1), "700.00"),
        (date(2023, 3, 29), "700.00"),
        (date(2023, 3, 30), "800.00"),
        (date(2026, 3, 30), "800.00"),
    ],
)
def test_ceiling_as_of_boundary_dates(as_of, expected):
    result = value("dife.ceiling", as_of)
    assert result == Decimal(expected)
    assert str(result) == expected  # two decimals, exact


def test_annual_credit_is_400_euros():
    assert value("dife.annual_credit", date(2021, 7, 23)) == Decimal("400.00")
    assert value("dife.annual_credit", date(2026, 3, 30)) == Decimal("400.00")


def test_2021_derogation_crediting_date():
    assert value("dife.credit_2021_date", date(2021, 7, 23)) == date(2021, 7, 23)
    assert "2021-596" in parameters.in_force("dife.credit_2021_date", date(2021, 7, 23)).source


@pytest.mark.parametrize(
    ("key", "as_of", "expected"),
    [
        ("expenses.meal", date(2019, 12, 31), "15.25"),
        ("expenses.meal", date(2020, 1, 1), "17.50"),
        ("expenses.meal", date(2023, 9, 21), "17.50"),
        ("expenses.meal", date(2023, 9, 22), "20.00"),
        ("expenses.night_base", date(2023, 9, 21), "70.00"),
        ("expenses.night_base", date(2023, 9, 22), "90.00"),
        ("expenses.night_large_city", date(2019, 3, 1), "90.00"),
        ("expenses.night_large_city", date(2024, 1, 1), "120.00"),
        ("expenses.night_paris", date(2019, 3, 1), "110.00"),
        ("expenses.night_paris", date(2024, 1, 1), "140.00"),
        ("catalog.mandate_hourly_cost_cap", date(2026, 1, 1), "80.00"),
    ],
)
def test_money_as_of(key, as_of, expected):
    result = value(key, as_of)
    assert isinstance(result, Decimal)
    assert str(result) == expected


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("enrollment.of_answer_business_days", 2),
        ("enrollment.elu_confirmation_business_days", 4),
        ("enrollment.declaration_business_days", 3),
        ("enrollment.proposal_lead_business_days", 11),
        ("enrollment.free_cancellation_business_days", 7),
        ("funding.of_payment_calendar_days", 30),
        ("mandates.reconversion_window_months", 6),
        ("identity.manual_verification_target_days", 14),
        ("accounts.email_code_validity_minutes", 15),
        ("accounts.email_code_max_attempts", 5),
        ("accounts.password_min_length", 12),
    ],
)
def test_integer_parameters(key, expected):
    assert parameters.int_value(key, date(2026, 5, 1)) == expected


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("settlement.late_cancellation_rate", "0.05"),
        ("settlement.attendance_low_threshold", "0.25"),
        ("settlement.attendance_low_payment_rate", "0.25"),
        ("settlement.attendance_full_threshold", "0.80"),
        ("funding.collectivite_max_rate", "0.75"),
    ],
)
def test_rates_are_exact_decimals(key, expected):
    assert parameters.decimal_value(key, date(2026, 5, 1)) == Decimal(expected)


def test_unknown_key_is_a_clear_error():
    with pytest.raises(UnknownParameter) as error:
        value("dife.nope", date(2026, 1, 1))
    assert isinstance(error.value, ParameterError)
    assert isinstance(error.value, LookupError)
    assert "dife.nope" in str(error.value)
    assert "dife.ceiling" in str(error.value)  # lists the known keys
    with pytest.raises(UnknownParameter):
        history("dife.nope")


def test_date_before_the_first_value_is_a_clear_error():
    with pytest.raises(NoValueInForce) as error:
        value("dife.ceiling", date(2020, 12, 31))
    message = str(error.value)
    assert "dife.ceiling" in message and "2020-12-31" in message and "2021-01-01" in message
    assert error.value.first_start == date(2021, 1, 1)
    with pytest.raises(ParameterError):
        value("enrollment.proposal_lead_business_days", date(2021, 12, 31))


def test_history_is_ordered_with_sources():
    ceiling = history("dife.ceiling")
    assert [(v.value, v.start) for v in ceiling] == [
        (Decimal("1500.00"), date(2021, 1, 1)),
        (Decimal("700.00"), date(2022, 1, 1)),
        (Decimal("800.00"), date(2023, 3, 30)),
    ]
    assert "27 mars 2023" in ceiling[-1].source
    assert [v.value for v in history("expenses.meal")] == [
        Decimal("15.25"),
        Decimal("17.50"),
        Decimal("20.00"),
    ]


def test_every_parameter_has_a_french_label_and_sources():
    for key in all_keys():
        definition = parameters.get(key)
        assert definition.key == key
        assert len(definition.label) > 10
        assert all(v.source for v in definition.values)
        if definition.unit in (Unit.EUR, Unit.EUR_HT_PER_HOUR):
            assert all(v.value.as_tuple().exponent == -2 for v in definition.values)


def test_typed_accessors_check_the_type():
    with pytest.raises(TypeError):
        parameters.int_value("dife.ceiling", date(2026, 1, 1))
    with pytest.raises(TypeError):
        parameters.decimal_value("accounts.password_min_length", date(2026, 1, 1))
    with pytest.raises(TypeError):
        parameters.date_value("dife.ceiling", date(2026, 1, 1))
    assert parameters.date_value("dife.credit_2021_date", date(2022, 1, 1)) == date(2021, 7, 23)


# --- The registry refuses bad data -------------------------------------------------------------------


def _param(unit, *values):
    return parameters.param("test.key", "Paramètre de test", unit, *values)


def test_registry_refuses_unordered_or_duplicate_start_dates():
    with pytest.raises(ValueError):
        _param(Unit.COUNT, (1, date(2022, 1, 1), "a"), (2, date(2021, 1, 1), "b"))
    with pytest.raises(ValueError):
        _param(Unit.COUNT, (1, date(2022, 1, 1), "a"), (2, date(2022, 1, 1), "b"))


def test_registry_refuses_wrong_types_and_bad_money():
    with pytest.raises(TypeError):
        _param(Unit.EUR, (400, date(2022, 1, 1), "a"))
    with pytest.raises(TypeError):
        _param(Unit.COUNT, (True, date(2022, 1, 1), "a"))
    with pytest.raises(ValueError):
        _param(Unit.EUR, (Decimal("400"), date(2022, 1, 1), "a"))
    with pytest.raises(ValueError):
        _param(Unit.EUR, (Decimal("15.255"), date(2022, 1, 1), "a"))
    with pytest.raises(ValueError):
        _param(Unit.RATE, (Decimal("1.5"), date(2022, 1, 1), "a"))


def test_registry_refuses_missing_sources_empty_histories_and_duplicates():
    with pytest.raises(ValueError):
        _param(Unit.COUNT, (1, date(2022, 1, 1), "  "))
    with pytest.raises(ValueError):
        Parameter("test.key", "Paramètre de test", Unit.COUNT, ())
    one = _param(Unit.COUNT, (1, date(2022, 1, 1), "a"))
    with pytest.raises(ValueError):
        build_registry([one, one])


def test_in_force_picks_the_last_value_started():
    p = _param(Unit.COUNT, (1, date(2022, 1, 1), "a"), (2, date(2023, 1, 1), "b"), (3, date(2024, 1, 1), "c"))
    assert [p.in_force(d).value for d in (date(2022, 1, 1), date(2022, 12, 31), date(2023, 1, 1))] == [
        1,
        1,
        2,
    ]
    assert p.in_force(date(2099, 1, 1)).value == 3
    with pytest.raises(NoValueInForce):
        p.in_force(date(2021, 12, 31))
