"""The gestionnaire's manual changes to the mandate registry: add, correct, close — each with a reason,
kept in the mandate's history (:class:`~dife.mandates.models.MandateChange`) and audited.

Past credits are never recomputed: a change only affects crediting dates to come.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from dife.accounts.models import User
from dife.audit.services import record
from dife.mandates.models import Mandate, MandateChange, Person

# The register import only touches the RNE sources, so manual mandates are never marked as removed.
MANUAL_SOURCE = Mandate.Source.MANUAL
EDITABLE_FIELDS = ("kind", "collectivite_code", "collectivite_label", "fonction", "start_date", "end_date")
_MANUAL_LOCK = 4_711_2022


class MandateChangeRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def _snapshot(mandate: Mandate) -> dict:
    values = {}
    for name in EDITABLE_FIELDS:
        value = getattr(mandate, name)
        values[name] = value.isoformat() if isinstance(value, date) else value
    return values


def _check(mandate: Mandate, reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise MandateChangeRefused("Le motif est obligatoire.")
    if mandate.kind not in Mandate.Kind.values:
        raise MandateChangeRefused("Type de mandat inconnu.")
    if mandate.fonction and mandate.fonction not in Mandate.Fonction.values:
        raise MandateChangeRefused("Fonction inconnue.")
    if not (mandate.collectivite_code or "").strip() or not (mandate.collectivite_label or "").strip():
        raise MandateChangeRefused("La collectivité (code et nom) est obligatoire.")
    if mandate.end_date is not None and mandate.end_date < mandate.start_date:
        raise MandateChangeRefused(
            f"La fin du mandat ({mandate.end_date:%d/%m/%Y}) précède son début "
            f"({mandate.start_date:%d/%m/%Y})."
        )
    return reason


def _log(
    mandate: Mandate,
    *,
    action: str,
    before: dict[str, Any],
    reason: str,
    actor: User,
    request: HttpRequest | None,
) -> MandateChange:
    after = _snapshot(mandate)
    event = record(
        action=f"mandates.mandate.{action}", actor=actor, target=mandate, request=request,
        person_id=mandate.person_id, before=before, after=after, reason=reason,
    )  # fmt: skip
    return MandateChange.objects.create(
        mandate=mandate, person_id=mandate.person_id, action=action, reason=reason,
        before=before, after=after, actor=actor, audit_event=event,
    )  # fmt: skip


@transaction.atomic
def add_mandate(
    *,
    person: Person,
    kind: str,
    collectivite_code: str,
    collectivite_label: str,
    start_date: date,
    end_date: date | None = None,
    fonction: str = "",
    reason: str,
    actor: User,
    request: HttpRequest | None = None,
) -> Mandate:
    """A mandate missing from the register (by-election not yet in the RNE, proof of mandate…)."""
    mandate = Mandate(
        person=person, kind=kind, collectivite_code=(collectivite_code or "").strip(),
        collectivite_label=(collectivite_label or "").strip(), fonction=fonction or "", start_date=start_date,
        end_date=end_date, source=MANUAL_SOURCE,
    )  # fmt: skip
    reason = _check(mandate, reason)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_MANUAL_LOCK])
        cursor.execute(
            "SELECT COALESCE(max(source_id), 0) + 1 FROM mandates_mandate WHERE source = %s", [MANUAL_SOURCE]
        )
        mandate.source_id = cursor.fetchone()[0]
    mandate.save()
    _log(mandate, action=MandateChange.Action.ADDED, before={}, reason=reason, actor=actor, request=request)
    return mandate


@transaction.atomic
def correct_mandate(
    *, mandate: Mandate, reason: str, actor: User, request: HttpRequest | None = None, **changes: Any
) -> Mandate:
    """Correct fields of a mandate (``EDITABLE_FIELDS``); refused when nothing changes."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise MandateChangeRefused(f"Champ(s) non modifiable(s) : {', '.join(sorted(unknown))}.")
    mandate = Mandate.objects.select_for_update().get(pk=mandate.pk)
    before = _snapshot(mandate)
    for name, value in changes.items():
        setattr(mandate, name, value.strip() if isinstance(value, str) else value)
    reason = _check(mandate, reason)
    if _snapshot(mandate) == before:
        raise MandateChangeRefused("Aucune modification : les valeurs saisies sont celles du mandat.")
    mandate.updated_at = timezone.now()
    mandate.save(update_fields=[*changes, "updated_at"])
    _log(
        mandate,
        action=MandateChange.Action.CORRECTED,
        before=before,
        reason=reason,
        actor=actor,
        request=request,
    )
    return mandate


@transaction.atomic
def close_mandate(
    *, mandate: Mandate, end_date: date, reason: str, actor: User, request: HttpRequest | None = None
) -> Mandate:
    """Record the end of a mandate (resignation, death, dissolution, end not in the register…)."""
    mandate = Mandate.objects.select_for_update().get(pk=mandate.pk)
    if mandate.end_date is not None:
        raise MandateChangeRefused(
            f"Ce mandat est déjà clos au {mandate.end_date:%d/%m/%Y} : "
            "corrigez-le pour changer sa date de fin."
        )
    before = _snapshot(mandate)
    mandate.end_date = end_date
    reason = _check(mandate, reason)
    mandate.updated_at = timezone.now()
    mandate.save(update_fields=["end_date", "updated_at"])
    _log(
        mandate,
        action=MandateChange.Action.CLOSED,
        before=before,
        reason=reason,
        actor=actor,
        request=request,
    )
    return mandate
