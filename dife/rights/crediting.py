"""The yearly crediting job (PRODUCT.md §3, §8): set-based SQL over the whole register.

``run_crediting(as_of=D)`` credits every person whose crediting date of a year has come (on or
before D) and who has not been credited for that year, year after year from 2021 (catch-up: a run
on D credits every missing anniversary up to D, in order, so that each credit sees the balance left
by the previous one).

The work is cut in slices of persons (``chunk_size`` person ids); each (year, slice) is one statement
in its own transaction, under a transaction-level advisory lock so that two runs never credit at the
same time. A run killed midway leaves whole slices credited; the next run finds them credited (one
credit per account and year: unique constraint) and does the rest. Re-running for the same date
credits nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from dife.rights import crediting_rules as rules
from dife.rights import crediting_sql
from dife.rights.models import CreditingRun

logger = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 200_000
LOCK_KEY = 4_711_2021  # pg_advisory_xact_lock key of the crediting job
ANALYZE_THRESHOLD = 10_000


@dataclass(frozen=True)
class SliceResult:
    year: int
    lo: int
    hi: int
    credits: int
    amount: Decimal


def _person_id_range() -> tuple[int, int] | None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(id), max(id) FROM mandates_person")
        lo, hi = cursor.fetchone()
    return None if lo is None else (lo, hi)


def _slices(lo: int, hi: int, size: int) -> list[tuple[int, int]]:
    return [(start, min(start + size - 1, hi)) for start in range(lo, hi + 1, size)]


def _lock(cursor) -> None:
    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


def open_accounts(*, lo: int, hi: int) -> int:
    """Open an empty account for every person of the slice who has none (one statement)."""
    with transaction.atomic(), connection.cursor() as cursor:
        _lock(cursor)
        cursor.execute(crediting_sql.CREATE_ACCOUNTS, {"lo": lo, "hi": hi})
        return cursor.rowcount


def credit_slice(*, run: CreditingRun, year: int, lo: int, hi: int, as_of: date) -> SliceResult:
    """Credit ``year`` for the persons with ids in [lo, hi] whose date has come by ``as_of``."""
    sql, params = crediting_sql.credit_year_statement()
    params |= crediting_sql.rule_parameters()
    params |= {
        "lo": lo,
        "hi": hi,
        "year": year,
        "year_start": date(year, 1, 1),
        "year_end": date(year, 12, 31),
        "as_of": as_of,
        "run": run.pk,
    }
    with transaction.atomic(), connection.cursor() as cursor:
        _lock(cursor)
        cursor.execute(sql, params)
        count, amount = cursor.fetchone()
        if count:
            CreditingRun.objects.filter(pk=run.pk).update(
                credits=F("credits") + count, amount=F("amount") + amount
            )
    return SliceResult(year=year, lo=lo, hi=hi, credits=count, amount=Decimal(amount))


def run_crediting(
    *,
    as_of: date,
    trigger: str = CreditingRun.Trigger.COMMAND,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Callable[[SliceResult], None] | None = None,
) -> CreditingRun:
    """Credit the whole register up to ``as_of`` included. Idempotent; safe to kill and re-run."""
    run = CreditingRun.objects.create(as_of=as_of, trigger=trigger)
    bounds = _person_id_range()
    if bounds is not None:
        slices = _slices(*bounds, chunk_size)
        created = sum(open_accounts(lo=lo, hi=hi) for lo, hi in slices)
        CreditingRun.objects.filter(pk=run.pk).update(accounts_created=created)
        if created > ANALYZE_THRESHOLD:  # fresh statistics: the planner must see the new accounts
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE rights_account")
        for year in range(rules.ledger_start().year, as_of.year + 1):
            for lo, hi in slices:
                result = credit_slice(run=run, year=year, lo=lo, hi=hi, as_of=as_of)
                if progress is not None:
                    progress(result)
    CreditingRun.objects.filter(pk=run.pk).update(finished_at=timezone.now())
    run.refresh_from_db()
    logger.info("Crediting up to %s: %s credits, %s €", as_of, run.credits, run.amount)
    return run
