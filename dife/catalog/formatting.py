"""French display of the catalog's amounts and dates (no locale dependency)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

NNBSP = "\u202f"
NBSP = "\u00a0"
CENT = Decimal("0.01")


def euros(amount: Decimal) -> str:
    """``Decimal("1500")`` → "1 500,00 €" (French typography)."""
    value = Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)
    units, cents = f"{abs(value):.2f}".split(".")
    groups = []
    while len(units) > 3:
        groups.insert(0, units[-3:])
        units = units[:-3]
    groups.insert(0, units)
    return f"{'−' if value < 0 else ''}{NNBSP.join(groups)},{cents}{NBSP}€"


def json_amount(amount: Decimal) -> str:
    """Amounts in JSON answers: a string with two decimals ("200.00")."""
    return f"{Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP):.2f}"


def jour(day: date) -> str:
    """21/03/2022, as the seeds write session dates."""
    return day.strftime("%d/%m/%Y")


def heures(value: Decimal) -> str:
    """Decimal("6.0") → "6h", Decimal("3.5") → "3,5h"."""
    value = Decimal(value)
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "h"
