"""Dated parameters: every number of the rules that the law (or the agency) can change.

A parameter is a key with a French label and a unit, and a history of values, each with the date
from which it is in force and the text that sets it. The value in force on a date is the last one
that started on or before that date. The data lives in ``parameters_data.py``, versioned with the
code (see docs/decisions/0002-dated-parameters.md).

    >>> from datetime import date
    >>> value("dife.ceiling", date(2023, 3, 30))
    Decimal('800.00')
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

ParameterScalar = Decimal | int | date


class Unit(StrEnum):
    EUR = "€"
    EUR_HT_PER_HOUR = "€ HT par heure et par élu"
    RATE = "taux (0 à 1)"
    BUSINESS_DAYS = "jours ouvrés"
    CALENDAR_DAYS = "jours calendaires"
    MONTHS = "mois"
    MINUTES = "minutes"
    COUNT = "nombre"
    CHARACTERS = "caractères"
    DATE = "date"


_UNIT_TYPES: dict[Unit, type] = {
    Unit.EUR: Decimal,
    Unit.EUR_HT_PER_HOUR: Decimal,
    Unit.RATE: Decimal,
    Unit.BUSINESS_DAYS: int,
    Unit.CALENDAR_DAYS: int,
    Unit.MONTHS: int,
    Unit.MINUTES: int,
    Unit.COUNT: int,
    Unit.CHARACTERS: int,
    Unit.DATE: date,
}


class ParameterError(LookupError):
    """Base class of the errors of this module."""


class UnknownParameter(ParameterError, KeyError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key

    def __str__(self) -> str:
        return f"Paramètre inconnu : {self.key!r}. Clés connues : {', '.join(all_keys())}."


class NoValueInForce(ParameterError):
    def __init__(self, key: str, as_of: date, first_start: date) -> None:
        super().__init__(key, as_of)
        self.key = key
        self.as_of = as_of
        self.first_start = first_start

    def __str__(self) -> str:
        return (
            f"Aucune valeur du paramètre {self.key!r} n'était en vigueur le {self.as_of.isoformat()} : "
            f"la première valeur connue s'applique à partir du {self.first_start.isoformat()}."
        )


@dataclass(frozen=True, slots=True)
class DatedValue:
    """One value of a parameter, in force from ``start`` until the next value's start."""

    value: ParameterScalar
    start: date
    source: str


@dataclass(frozen=True, slots=True)
class Parameter:
    key: str
    label: str
    unit: Unit
    values: tuple[DatedValue, ...]

    def __post_init__(self) -> None:
        if not self.values:
            raise ValueError(f"{self.key}: no value")
        expected = _UNIT_TYPES[self.unit]
        starts = [v.start for v in self.values]
        if starts != sorted(set(starts)):
            raise ValueError(f"{self.key}: start dates must be strictly increasing")
        for v in self.values:
            # bool is an int subclass and date is not a datetime on purpose: be strict.
            if type(v.value) is not expected:
                raise TypeError(f"{self.key}: {v.value!r} is not a {expected.__name__}")
            is_money = self.unit in (Unit.EUR, Unit.EUR_HT_PER_HOUR)
            if is_money and isinstance(v.value, Decimal) and v.value.as_tuple().exponent != -2:
                raise ValueError(f"{self.key}: money must have exactly two decimals, got {v.value!r}")
            if self.unit is Unit.RATE and isinstance(v.value, Decimal) and not (0 <= v.value <= 1):
                raise ValueError(f"{self.key}: a rate is between 0 and 1, got {v.value!r}")
            if not v.source.strip():
                raise ValueError(f"{self.key}: every value needs a source")

    def in_force(self, as_of: date) -> DatedValue:
        index = bisect.bisect_right([v.start for v in self.values], as_of) - 1
        if index < 0:
            raise NoValueInForce(self.key, as_of, self.values[0].start)
        return self.values[index]


def param(key: str, label: str, unit: Unit, *values: tuple[ParameterScalar, date, str]) -> Parameter:
    """Shorthand for the data file: ``param(key, label, unit, (value, start, source), ...)``."""
    return Parameter(key, label, unit, tuple(DatedValue(v, s, src) for v, s, src in values))


def build_registry(parameters: Iterable[Parameter]) -> dict[str, Parameter]:
    registry: dict[str, Parameter] = {}
    for p in parameters:
        if p.key in registry:
            raise ValueError(f"duplicate parameter {p.key}")
        registry[p.key] = p
    return registry


def _registry() -> dict[str, Parameter]:
    from dife.core.parameters_data import REGISTRY

    return REGISTRY


def get(key: str) -> Parameter:
    """The definition of a parameter (label, unit, whole history)."""
    try:
        return _registry()[key]
    except KeyError:
        raise UnknownParameter(key) from None


def value(key: str, as_of: date) -> ParameterScalar:
    """The value of ``key`` in force on ``as_of``.

    Raises ``UnknownParameter`` for an unknown key and ``NoValueInForce`` for a date before the
    first known value (both are ``ParameterError``, a ``LookupError``).
    """
    return get(key).in_force(as_of).value


def in_force(key: str, as_of: date) -> DatedValue:
    """The value in force with its start date and source (for display: "selon …")."""
    return get(key).in_force(as_of)


def decimal_value(key: str, as_of: date) -> Decimal:
    result = value(key, as_of)
    if not isinstance(result, Decimal):
        raise TypeError(f"{key} is not a decimal parameter")
    return result


def int_value(key: str, as_of: date) -> int:
    result = value(key, as_of)
    if type(result) is not int:
        raise TypeError(f"{key} is not an integer parameter")
    return result


def date_value(key: str, as_of: date) -> date:
    result = value(key, as_of)
    if not isinstance(result, date):
        raise TypeError(f"{key} is not a date parameter")
    return result


def history(key: str) -> tuple[DatedValue, ...]:
    """All values of ``key``, oldest first."""
    return get(key).values


def all_keys() -> tuple[str, ...]:
    return tuple(sorted(_registry()))
