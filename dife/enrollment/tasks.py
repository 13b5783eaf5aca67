"""Periodic enrollment sweep (procrastinate): expiries and late declarations, every 10 minutes."""

from __future__ import annotations

from datetime import UTC, datetime

from procrastinate.contrib.django import app

from dife.enrollment.sweep import run_sweep


@app.periodic(cron="*/10 * * * *", periodic_id="enrollment-sweep")
@app.task(name="enrollment.sweep", queueing_lock="enrollment.sweep", retry=3)
def sweep(timestamp: int) -> dict:
    """Run the sweep as of the schedule's time (a late worker expires exactly what was due then)."""
    return run_sweep(now=datetime.fromtimestamp(timestamp, tz=UTC)).as_dict()
