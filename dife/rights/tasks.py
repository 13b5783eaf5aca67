"""Periodic crediting (procrastinate): every day, credit whoever's crediting date has come."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from procrastinate.contrib.django import app

from dife.rights.crediting import run_crediting
from dife.rights.models import CreditingRun


@app.periodic(cron="15 3 * * *", periodic_id="credit-rights-daily")
@app.task(name="rights.credit_daily", queueing_lock="rights.credit_daily", retry=3)
def credit_daily(timestamp: int) -> int:
    """Credit the register up to the day of the schedule (Europe/Paris); returns the credits made."""
    as_of = timezone.localdate(datetime.fromtimestamp(timestamp, tz=timezone.get_current_timezone()))
    return run_crediting(as_of=as_of, trigger=CreditingRun.Trigger.TASK).credits
