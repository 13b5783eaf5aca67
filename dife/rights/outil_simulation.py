"""Public tool "Simuler mes droits": the credits of an élu who never spends (PRODUCT §8)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dife.core.formatting import ZERO, json_amount
from dife.rights import crediting_rules as rules
from dife.rights.selectors import BalancePoint


@dataclass(frozen=True)
class Simulation:
    premier_tour: date
    au: date
    first_crediting_date: date
    credits: list[rules.SimulatedCredit]

    @property
    def first_credit_date(self) -> date | None:
        """The élu's first real credit, whatever ``au``: the anchor, or 2021-07-23 under the derogation."""
        span = rules.MandateSpan(start=self.premier_tour, end=None, anchor=self.first_crediting_date)
        last_year = max(self.premier_tour.year, rules.ledger_start().year) + 1
        dates = rules.crediting_dates([span], until=date(last_year, 12, 31))
        return dates[0] if dates else None

    @property
    def derogation_2021(self) -> bool:
        """True when the first credit is the 2021 one of the derogation, not the anchor itself."""
        return self.first_credit_date is not None and self.first_credit_date != self.first_crediting_date

    @property
    def balance(self) -> Decimal:
        return self.credits[-1].balance if self.credits else ZERO

    @property
    def points(self) -> list[BalancePoint]:
        """For the chart: nothing on the first round, each credit, the balance held until ``au``."""
        points = [BalancePoint(self.premier_tour, ZERO)]
        points += [BalancePoint(c.date, c.balance) for c in self.credits]
        if points[-1].day < self.au:
            points.append(BalancePoint(self.au, self.balance))
        return points

    @property
    def final_ceiling(self) -> Decimal:
        return rules.ceiling(max(self.au, rules.ledger_start()))

    def as_json(self) -> dict:
        return {
            "credits": [
                {
                    "date": c.date.isoformat(),
                    "montant": json_amount(c.amount),
                    "solde": json_amount(c.balance),
                    "plafond": json_amount(c.ceiling),
                }
                for c in self.credits
            ],
            "solde": json_amount(self.balance),
        }


def simulate_rights(*, premier_tour: date, au: date) -> Simulation:
    return Simulation(
        premier_tour=premier_tour,
        au=au,
        first_crediting_date=rules.third_monday_after(premier_tour),
        credits=rules.simulate(first_round=premier_tour, until=au),
    )
