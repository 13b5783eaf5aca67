"""French display of amounts: 1 500,00 € (narrow no-break space between thousands, comma for cents)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

NNBSP = "\u202f"  # espace fine insécable, as in French typography
NBSP = "\u00a0"


def format_eur(amount: Decimal, *, sign: bool = False) -> str:
    """``Decimal("1500")`` → "1 500,00 €"; with ``sign=True`` a leading + or − (U+2212)."""
    value = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    prefix = ""
    if value < 0:
        prefix = "\u2212"
    elif sign and value > 0:
        prefix = "+"
    units, cents = f"{abs(value):.2f}".split(".")
    groups = []
    while len(units) > 3:
        groups.insert(0, units[-3:])
        units = units[:-3]
    groups.insert(0, units)
    return f"{prefix}{NNBSP.join(groups)},{cents}{NBSP}€"


def as_json_amount(amount: Decimal) -> str:
    """Amounts in JSON answers: a string with two decimals ("400.00")."""
    return f"{Decimal(amount).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):.2f}"
