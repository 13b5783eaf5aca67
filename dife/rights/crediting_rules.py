"""Crediting dates and amounts of the DIFE (PRODUCT.md §3 and §8): pure functions, no database.

One implementation for everything that needs them: the yearly crediting job (which runs the same rules
as set-based SQL built from the same tables, see :mod:`dife.rights.crediting_sql`, and is checked
against these functions by the tests), the public tool "Simuler mes droits", the "next crediting"
shown to the élu and the gestionnaire.

Rules, in order:

* the **anchor** of a mandate is the third Monday after the first round of the election that opened
  it: the general election of that council when the mandate started within 60 days after its first
  round (:mod:`dife.mandates.elections`), otherwise the mandate start itself (by-elections);
* a mandate offers one crediting date a year, the anniversary of its anchor (29 February → 28
  February); in the anchor's own year, the later of the anchor and the mandate start (an élu is
  never credited before taking office); the date counts only while the mandate runs on it;
* derogation (décret 2021-596, art. 14): an élu in office on the 2021 crediting date (parameter
  ``dife.credit_2021_date``, 2021-07-23) is credited on that date in 2021; no crediting date exists
  before it (history before is out of scope);
* with several mandates, the oldest running one (earliest start) sets the date of the year;
* the credit on a crediting date is max(0, min(annual credit, ceiling in force that day − balance)).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from dife.core import parameters
from dife.core.formatting import CENT, ZERO
from dife.mandates.elections import opening_first_round


def third_monday_after(day: date) -> date:
    """The third Monday strictly after ``day`` (2026-03-15 → 2026-03-30; a Monday never counts itself)."""
    first_monday = day + timedelta(days=7 - day.weekday())
    return first_monday + timedelta(days=14)


def anniversary(anchor: date, year: int) -> date:
    """The same calendar day in ``year``; 29 February becomes 28 February in common years."""
    try:
        return anchor.replace(year=year)
    except ValueError:
        return anchor.replace(year=year, day=28)


def mandate_anchor(kind: str, start: date) -> date:
    """Third Monday after the first round that opened a mandate of this council kind started on ``start``."""
    return third_monday_after(opening_first_round(kind, start))


def ledger_start() -> date:
    """The first crediting date of the ledger: 2021-07-23 (décret 2021-596, art. 14)."""
    return parameters.history("dife.credit_2021_date")[-1].value


@dataclass(frozen=True)
class MandateSpan:
    """What the crediting rules need of a mandate: when it runs and its anchor."""

    start: date
    end: date | None
    anchor: date
    order: int = 0  # tie-breaker between mandates started the same day (e.g. the mandate id)

    @classmethod
    def of(cls, *, kind: str, start: date, end: date | None, order: int = 0) -> MandateSpan:
        return cls(start=start, end=end, anchor=mandate_anchor(kind, start), order=order)

    def runs_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def date_in_year(self, year: int, first: date) -> date | None:
        """The crediting date this mandate offers in ``year`` (``first``: the ledger start), or None."""
        if year == first.year and self.runs_on(first):
            return first
        if year < self.anchor.year:
            return None
        day = max(self.anchor, self.start) if year == self.anchor.year else anniversary(self.anchor, year)
        if day < first or not self.runs_on(day):
            return None
        return day


def crediting_date_in_year(
    mandates: Iterable[MandateSpan], year: int, *, first: date | None = None
) -> date | None:
    """The person's crediting date in ``year``: the date offered by the oldest mandate that offers one."""
    first = first or ledger_start()
    best: tuple[date, date, int] | None = None
    for mandate in mandates:
        day = mandate.date_in_year(year, first)
        if day is None:
            continue
        candidate = (mandate.start, day, mandate.order)
        if best is None or candidate < best:
            best = candidate
    return best[1] if best else None


def crediting_dates(mandates: Sequence[MandateSpan], *, until: date, since: date | None = None) -> list[date]:
    """Every crediting date of the person from the ledger start (or ``since``) up to ``until`` included."""
    first = ledger_start()
    start_year = max(first.year, min((m.start.year for m in mandates), default=until.year + 1))
    dates = []
    for year in range(start_year, until.year + 1):
        day = crediting_date_in_year(mandates, year, first=first)
        if day is not None and day <= until and (since is None or day >= since):
            dates.append(day)
    return dates


def next_crediting_date(
    mandates: Sequence[MandateSpan], *, after: date, horizon_years: int = 2
) -> date | None:
    """The first crediting date strictly after ``after`` (None when no running mandate offers one)."""
    first = ledger_start()
    for year in range(max(after.year, first.year), after.year + horizon_years + 1):
        day = crediting_date_in_year(mandates, year, first=first)
        if day is not None and day > after:
            return day
    return None


def annual_credit(on: date) -> Decimal:
    return parameters.decimal_value("dife.annual_credit", on)


def ceiling(on: date) -> Decimal:
    return parameters.decimal_value("dife.ceiling", on)


def credit_amount(*, balance: Decimal, on: date) -> Decimal:
    """PRODUCT §8: max(0, min(annual credit, ceiling in force that day − balance))."""
    return max(ZERO, min(annual_credit(on), ceiling(on) - balance)).quantize(CENT)


@dataclass(frozen=True)
class SimulatedCredit:
    date: date
    amount: Decimal
    balance: Decimal
    ceiling: Decimal


def simulate(*, first_round: date, until: date, balance: Decimal = ZERO) -> list[SimulatedCredit]:
    """The credits of an élu elected at an election whose first round was ``first_round``, who never spends.

    The élu is taken in office on the first round and never leaving it before ``until``.
    """
    mandate = MandateSpan(start=first_round, end=None, anchor=third_monday_after(first_round))
    credits = []
    for day in crediting_dates([mandate], until=until):
        amount = credit_amount(balance=balance, on=day)
        balance += amount
        credits.append(SimulatedCredit(date=day, amount=amount, balance=balance, ceiling=ceiling(day)))
    return credits


def spans_of(mandates: Iterable) -> list[MandateSpan]:
    """Spans of registry mandates (objects with ``kind``, ``start_date``, ``end_date``, ``id`` and
    ``removed_from_register_on``): a mandate no longer in the register is taken as ended that day."""
    return [
        MandateSpan.of(
            kind=m.kind, start=m.start_date, end=m.end_date or m.removed_from_register_on, order=m.id or 0
        )
        for m in mandates
    ]
