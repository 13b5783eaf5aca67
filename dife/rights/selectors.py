"""Reads of the DIFE rights: an élu's summary, the ledger, pending reservations, public figures."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Min, Q, QuerySet, Sum

from dife.core.formatting import ZERO, json_amount
from dife.mandates.models import Person
from dife.rights import crediting_rules as rules
from dife.rights.models import Entry, RightsAccount


@dataclass(frozen=True)
class BalancePoint:
    day: date
    balance: Decimal


@dataclass(frozen=True)
class RightsSummary:
    person: Person
    account: RightsAccount | None
    balance: Decimal
    reserved: Decimal
    available: Decimal
    ceiling: Decimal
    next_credit_date: date | None
    next_credit_amount: Decimal | None
    history: QuerySet[Entry]
    points: list[BalancePoint] = field(default_factory=list)
    today: date | None = None

    @property
    def chart_id(self) -> str:
        return f"graphique-solde-{self.person.pk}"


def account_of(person: Person) -> RightsAccount | None:
    return RightsAccount.objects.filter(person=person).first()


def available(person: Person) -> Decimal:
    """The person's available rights (balance − reserved; zero without an account). Does not lock."""
    account = account_of(person)
    return account.available if account else ZERO


def history(person: Person) -> QuerySet[Entry]:
    """The person's ledger entries, newest first."""
    return history_of([person])


def history_of(persons: Iterable[Person]) -> QuerySet[Entry]:
    """Ledger entries of these persons (an account matched to several register persons), newest first."""
    return Entry.objects.filter(account__person__in=persons).select_related("actor", "run").order_by("-id")


def next_credit(
    person: Person, *, today: date, balance: Decimal, last_credit: date | None
) -> tuple[date, Decimal] | None:
    """The next crediting date not yet credited (on or after ``today``) and its amount if nothing is spent."""
    spans = rules.spans_of(person.mandates.all())
    first = rules.ledger_start()
    for year in range(max(today.year, first.year), today.year + 3):
        day = rules.crediting_date_in_year(spans, year, first=first)
        if day is None or day < today or (last_credit is not None and last_credit.year >= year):
            continue
        return day, rules.credit_amount(balance=balance, on=day)
    return None


def balance_points(person: Person, *, today: date) -> list[BalancePoint]:
    """The balance after each entry (oldest first), one point per day (the last entry of the day)."""
    rows = (
        Entry.objects.filter(account__person=person)
        .order_by("id")
        .values_list("effective_date", "balance_after")
    )
    by_day: dict[date, Decimal] = {}
    latest: date | None = None
    for day, balance in rows:
        latest = day if latest is None else max(latest, day)
        by_day[latest] = balance
    points = [BalancePoint(day, balance) for day, balance in by_day.items()]
    if points and points[-1].day < today:
        points.append(BalancePoint(today, points[-1].balance))
    return points


def rights_summary(person: Person, today: date) -> RightsSummary:
    account = account_of(person)
    balance = account.balance if account else ZERO
    reserved = account.reserved if account else ZERO
    upcoming = next_credit(
        person, today=today, balance=balance, last_credit=account.last_credit_date if account else None
    )
    return RightsSummary(
        person=person,
        account=account,
        balance=balance,
        reserved=reserved,
        available=balance - reserved,
        ceiling=rules.ceiling(today),
        next_credit_date=upcoming[0] if upcoming else None,
        next_credit_amount=upcoming[1] if upcoming else None,
        history=history(person),
        points=balance_points(person, today=today),
        today=today,
    )


@dataclass(frozen=True)
class PendingReservation:
    dossier_reference: str
    amount: Decimal
    since: date


def pending_reservations(person: Person) -> list[PendingReservation]:
    """Dossiers with rights still reserved (reservations − consumptions − releases > 0)."""
    rows = (
        Entry.objects.filter(account__person=person)
        .exclude(dossier_reference="")
        .values("dossier_reference")
        .annotate(amount=Sum("reserved_change"), since=Min("effective_date"))
        .filter(amount__gt=0)
        .order_by("since", "dossier_reference")
    )
    return [PendingReservation(r["dossier_reference"], r["amount"], r["since"]) for r in rows]


def open_reservations(persons: Iterable[Person | int], refs: Iterable[str]) -> dict[str, Decimal]:
    """What is still reserved for each of these dossiers of these persons (only those above zero).

    ``persons``: register persons or their ids; ``refs``: dossier references. One query.
    """
    rows = (
        Entry.objects.filter(account__person__in=list(persons), dossier_reference__in=list(refs))
        .values("dossier_reference")
        .annotate(left=Sum("reserved_change"))
        .filter(left__gt=0)
        .order_by("dossier_reference")
    )
    return {row["dossier_reference"]: row["left"] for row in rows}


def public_counts() -> dict:
    """``/stats.json``: persons credited at least once, total balance and total reserved."""
    totals = RightsAccount.objects.aggregate(
        credited=Count("id", filter=Q(last_credit_date__isnull=False)),
        balance=Sum("balance"),
        reserved=Sum("reserved"),
    )
    return {
        "droits": {
            "personnes_creditees": totals["credited"],
            "solde_total": json_amount(totals["balance"] or ZERO),
            "reserve_total": json_amount(totals["reserved"] or ZERO),
        }
    }
