"""Throttling counters in PostgreSQL, shared by every web process (no cache server needed).

A ``Budget`` allows ``limit`` hits per ``window`` seconds for one key (a client address, a session…).
Counts are kept per fixed window and read as a sliding window: the current window's count plus the
previous window's, weighted by how much of it still overlaps. Keys are stored as keyed hashes (no
address or session key in clear). Old windows are deleted when a scope opens a new one.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from dife.core.models import ThrottleCounter


@dataclass(frozen=True)
class Budget:
    scope: str
    limit: int
    window: int  # seconds


def _digest(budget: Budget, key: str) -> str:
    message = f"{budget.scope}:{key}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _window_start(budget: Budget, now: datetime) -> datetime:
    seconds = int(now.timestamp()) // budget.window * budget.window
    return datetime.fromtimestamp(seconds, tz=now.tzinfo or timezone.get_current_timezone())


def _used(budget: Budget, digest: str, now: datetime, current: int | None = None) -> float:
    start = _window_start(budget, now)
    previous_start = start - timedelta(seconds=budget.window)
    counts = dict(
        ThrottleCounter.objects.filter(
            scope=budget.scope, key=digest, window_start__in=[start, previous_start]
        ).values_list("window_start", "count")
    )
    overlap = 1 - (now - start).total_seconds() / budget.window
    this_window = counts.get(start, 0) if current is None else current
    return this_window + counts.get(previous_start, 0) * overlap


def used(budget: Budget, key: str | None, *, now: datetime | None = None) -> float:
    if not key:
        return 0
    return _used(budget, _digest(budget, key), now or timezone.now())


def exceeded(budget: Budget, key: str | None, *, now: datetime | None = None) -> bool:
    """Whether this key has spent its budget (the next hit must be refused)."""
    return used(budget, key, now=now) >= budget.limit


def hit(budget: Budget, key: str | None, *, now: datetime | None = None) -> bool:
    """Count one hit; True when the budget is now spent (this hit was the last one allowed)."""
    if not key:
        return False
    now = now or timezone.now()
    digest = _digest(budget, key)
    start = _window_start(budget, now)
    table = ThrottleCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (scope, key, window_start, count) VALUES (%s, %s, %s, 1) "  # noqa: S608
            "ON CONFLICT (scope, key, window_start) DO UPDATE SET count = "
            f"{table}.count + 1 RETURNING count",
            [budget.scope, digest, start],
        )
        count = cursor.fetchone()[0]
        if count == 1:  # a new window for this key: forget windows that no longer count
            cursor.execute(
                f"DELETE FROM {table} WHERE scope = %s AND window_start < %s",  # noqa: S608
                [budget.scope, start - timedelta(seconds=budget.window)],
            )
    return _used(budget, digest, now, current=count) >= budget.limit
