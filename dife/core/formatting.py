r"""The kernel of French display: money and dates, written once for pages, e-mails, exports and JSON.

No locale dependency: the texts are the same in a web request, a worker job or a test.

Money (Decimal, rounded half up to the cent):

    >>> from decimal import Decimal
    >>> euros(Decimal("1234.5"))
    '1\u202f234,50\xa0€'
    >>> euros(Decimal("400"), sign=True)
    '+400,00\xa0€'
    >>> euros(Decimal("800"), prose=True), euros(Decimal("15.25"), prose=True)
    ('800 €', '15,25 €')
    >>> json_amount(Decimal("200")), percent(Decimal("0.125"))
    ('200.00', '12,5 %')

Dates (the first of the month is « 1er »):

    >>> from datetime import date
    >>> jour(date(2027, 4, 1)), long_date(date(2027, 4, 1)), long_date(date(2026, 5, 12), weekday=True)
    ('01/04/2027', '1er avril 2027', 'mardi 12 mai 2026')
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

NNBSP = "\u202f"  # espace fine insécable, between thousands
NBSP = "\u00a0"  # espace insécable, before the euro sign
MINUS = "\u2212"

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


# Money ------------------------------------------------------------------------------------------


def cents(amount: Decimal) -> Decimal:
    """``amount`` rounded half up to the cent."""
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def euros(amount: Decimal, sign: bool = False, *, prose: bool = False) -> str:
    """``Decimal("1500")`` → "1 500,00 €": narrow no-break space between thousands, no-break space
    before €, "−" (U+2212) for a negative amount, and with ``sign=True`` "+" for a positive one.

    ``prose=True`` is how running text quotes an amount (the dated parameters in messages and
    explanatory pages): whole amounts without cents and an ordinary space before € ("800 €", "15,25 €").
    """
    value = cents(amount)
    units, decimals = f"{abs(value):.2f}".split(".")
    groups = []
    while len(units) > 3:
        groups.insert(0, units[-3:])
        units = units[:-3]
    groups.insert(0, units)
    prefix = MINUS if value < 0 else "+" if sign and value > 0 else ""
    number = prefix + NNBSP.join(groups)
    if prose:
        return f"{number} €" if decimals == "00" else f"{number},{decimals} €"
    return f"{number},{decimals}{NBSP}€"


def json_amount(amount: Decimal) -> str:
    """Amounts in JSON answers: a string with two decimals ("200.00")."""
    return f"{cents(amount):.2f}"


def percent(rate: Decimal) -> str:
    """Decimal("0.05") → "5 %", Decimal("0.125") → "12,5 %"."""
    digits = f"{rate * 100:.2f}".rstrip("0").rstrip(".")
    return f"{digits.replace('.', ',')} %"


def heures(value: Decimal) -> str:
    """Decimal("6.0") → "6h", Decimal("3.5") → "3,5h"."""
    text = f"{Decimal(value):.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "h"


# Dates ------------------------------------------------------------------------------------------


def day_number(day: date) -> str:
    """The day of the month as French writes it: "1er" for the first, else the number ("12")."""
    return "1er" if day.day == 1 else str(day.day)


def jour(day: date) -> str:
    """21/03/2022, as the seeds write session dates."""
    return day.strftime("%d/%m/%Y")


def jour_heure(moment: datetime) -> str:
    """ "12/05/2026 à 23:59" (Paris time)."""
    return timezone.localtime(moment).strftime("%d/%m/%Y à %H:%M")


def long_date(day: date, *, weekday: bool = False) -> str:
    """date(2023, 3, 30) → "30 mars 2023", date(2027, 4, 1) → "1er avril 2027"; with ``weekday=True``
    "mercredi 1er avril 2026"."""
    text = f"{day_number(day)} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def deadline_text(deadline: datetime | None) -> str:
    """ "mardi 12 mai 2026 à 23 h 59" (Paris time); "" without a deadline."""
    if deadline is None:
        return ""
    local = timezone.localtime(deadline)
    return f"{long_date(local.date(), weekday=True)} à {local:%H} h {local:%M}"
