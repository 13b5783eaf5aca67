"""Demo part of the rights: the whole register credited up to today (idempotent, quick when done)."""

from __future__ import annotations

from django.utils import timezone

from dife.core.formatting import euros
from dife.rights.crediting import run_crediting
from dife.rights.models import CreditingRun


def load() -> str:
    run = run_crediting(as_of=timezone.localdate(), trigger=CreditingRun.Trigger.DEMO)
    return (
        f"Droits DIFE : registre crédité jusqu'au {run.as_of:%d/%m/%Y} "
        f"({run.credits} crédit(s) ajouté(s), {euros(run.amount)})"
    )


def accounts() -> list[str]:
    return []
