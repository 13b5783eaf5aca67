"""Ledger services: the only way rights move (PRODUCT.md §3, ARCHITECTURE "Money and rights").

Every service is keyword-only and atomic, locks the account row (``SELECT … FOR UPDATE``) before
reading the balance, appends one entry and updates the cached ``balance``/``reserved`` in the same
transaction. Each takes an idempotency ``key``: a call with a key already used returns the existing
entry and moves nothing (a key reused for a different movement raises ``IdempotencyConflict``).
Refusals raise a subclass of :class:`~dife.rights.exceptions.RightsRefused` with a French message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone

from dife.accounts.models import User
from dife.audit.models import Event
from dife.audit.services import record
from dife.core.formatting import CENT, ZERO, euros
from dife.mandates.models import Person
from dife.rights import crediting_rules as rules
from dife.rights.exceptions import (
    CeilingExceeded,
    IdempotencyConflict,
    InsufficientRights,
    InvalidAmount,
    NoOpenReservation,
    RightsRefused,
)
from dife.rights.models import CreditingRun, Entry, RightsAccount

MAX_AMOUNT = Decimal("99999999.99")

__all__ = [
    "RightsRefused",
    "account_for",
    "adjust",
    "consume",
    "credit",
    "open_reservation",
    "release",
    "reserve",
    "reserve_available",
]


def account_for(person: Person) -> RightsAccount:
    """The person's account, opened (empty) if needed. Does not lock."""
    account = RightsAccount.objects.filter(person=person).first()
    if account is None:
        RightsAccount.objects.bulk_create([RightsAccount(person=person)], ignore_conflicts=True)
        account = RightsAccount.objects.get(person=person)
    return account


def _locked(person: Person) -> RightsAccount:
    account_id = account_for(person).pk
    return RightsAccount.objects.select_for_update(of=("self",)).get(pk=account_id)


def _money(amount: Decimal | int | str, *, allow_negative: bool = False, allow_zero: bool = False) -> Decimal:
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        raise InvalidAmount(f"Montant invalide : {amount!r}.") from None
    # The bound first: quantizing a huge number (1e26) raises InvalidOperation.
    if not value.is_finite() or abs(value) > MAX_AMOUNT or value != value.quantize(CENT):
        raise InvalidAmount(f"Montant invalide : {amount} (deux décimales au plus).")
    value = value.quantize(CENT)
    if value < 0 and not allow_negative:
        raise InvalidAmount(f"Le montant doit être positif : {euros(value)}.")
    if value == 0 and not allow_zero:
        raise InvalidAmount("Le montant doit être différent de zéro.")
    return value


def _existing(key: str, *, kind: str, account: RightsAccount) -> Entry | None:
    entry = Entry.objects.filter(idempotency_key=key).first()
    if entry is not None and (entry.kind != kind or entry.account_id != account.pk):
        raise IdempotencyConflict(
            f"La clé d'idempotence {key!r} a déjà servi à une autre écriture ({entry.get_kind_display()})."
        )
    return entry


@dataclass(frozen=True)
class _Movement:
    kind: str
    amount: Decimal
    reserved_change: Decimal
    effective_date: date
    reason: str
    key: str
    actor: User | None = None
    credit_year: int | None = None
    run: CreditingRun | None = None
    dossier_reference: str = ""
    audit_event: Event | None = None


def _append(account: RightsAccount, movement: _Movement) -> Entry:
    """Apply a checked movement to a locked account: new cached sums and one entry."""
    account.balance += movement.amount
    account.reserved += movement.reserved_change
    if movement.kind == Entry.Kind.CREDIT:
        account.last_credit_date = max(filter(None, [account.last_credit_date, movement.effective_date]))
    account.updated_at = timezone.now()
    account.save(update_fields=["balance", "reserved", "last_credit_date", "updated_at"])
    try:
        with transaction.atomic():
            return Entry.objects.create(
                account=account,
                kind=movement.kind,
                amount=movement.amount,
                reserved_change=movement.reserved_change,
                balance_after=account.balance,
                reserved_after=account.reserved,
                effective_date=movement.effective_date,
                credit_year=movement.credit_year,
                reason=movement.reason,
                actor=movement.actor,
                run=movement.run,
                dossier_reference=movement.dossier_reference,
                audit_event=movement.audit_event,
                idempotency_key=movement.key,
            )
    except IntegrityError as error:
        # Only a concurrent use of the same key on another account gets here (same account: locked).
        constraint = getattr(getattr(error.__cause__, "diag", None), "constraint_name", "") or ""
        if "idempotency_key" in constraint:
            raise IdempotencyConflict(f"La clé d'idempotence {movement.key!r} est déjà utilisée.") from error
        raise


def credit_reason(*, year: int, capped: bool, ceiling: Decimal, on: date) -> str:
    """Reason of a yearly credit (the crediting job builds the same in SQL)."""
    reason = f"Alimentation annuelle {year}"
    if capped:
        reason += f" (plafond de {euros(ceiling)} en vigueur le {on:%d/%m/%Y})"
    return reason


def open_reservation(account: RightsAccount, dossier: str) -> Decimal:
    """What is still reserved for a dossier (reservations − consumptions − releases)."""
    total = account.entries.filter(dossier_reference=dossier).aggregate(s=Sum("reserved_change"))["s"]
    return total or ZERO


def _today(on: date | None) -> date:
    return on or timezone.localdate()


@transaction.atomic
def credit(
    *,
    person: Person,
    on: date,
    key: str,
    amount: Decimal | None = None,
    run: CreditingRun | None = None,
    actor: User | None = None,
    reason: str = "",
) -> Entry:
    """The yearly credit of the year of ``on``, capped by the ceiling in force on ``on``.

    ``amount`` defaults to the annual credit in force; the credit is max(0, min(amount, ceiling −
    balance)) — a zero credit is recorded too, so the year counts as credited. One credit per year.
    """
    account = _locked(person)
    year = on.year
    if (entry := _existing(key, kind=Entry.Kind.CREDIT, account=account)) is not None:
        return entry
    if (entry := account.entries.filter(credit_year=year).first()) is not None:
        return entry
    annual = rules.annual_credit(on) if amount is None else _money(amount, allow_zero=True)
    ceiling = rules.ceiling(on)
    credited = max(ZERO, min(annual, ceiling - account.balance))
    reason = reason or credit_reason(year=year, capped=credited < annual, ceiling=ceiling, on=on)
    movement = _Movement(
        kind=Entry.Kind.CREDIT,
        amount=credited,
        reserved_change=ZERO,
        effective_date=on,
        reason=reason,
        key=key,
        actor=actor,
        credit_year=year,
        run=run,
    )
    return _append(account, movement)


@transaction.atomic
def reserve(
    *,
    person: Person,
    amount: Decimal,
    dossier: str,
    key: str,
    on: date | None = None,
    actor: User | None = None,
    reason: str = "",
) -> Entry:
    """Reserve ``amount`` of the available rights for a dossier; refused beyond what is available."""
    amount = _money(amount)
    account = _locked(person)
    if (entry := _existing(key, kind=Entry.Kind.RESERVATION, account=account)) is not None:
        return entry
    if amount > account.available:
        raise InsufficientRights(
            f"Droits disponibles insuffisants : {euros(amount)} demandés, "
            f"{euros(account.available)} disponibles."
        )
    return _reservation(account, amount, dossier=dossier, on=on, reason=reason, key=key, actor=actor)


def _reservation(
    account: RightsAccount,
    amount: Decimal,
    *,
    dossier: str,
    on: date | None,
    reason: str,
    key: str,
    actor: User | None,
) -> Entry:
    """The reservation entry of ``reserve`` and ``reserve_available`` (the account already locked)."""
    return _append_for_dossier(
        account,
        kind=Entry.Kind.RESERVATION,
        amount=ZERO,
        reserved_change=amount,
        dossier=dossier,
        on=on,
        reason=reason or f"Réservation pour le dossier {dossier}",
        key=key,
        actor=actor,
    )


@transaction.atomic
def reserve_available(
    *,
    person: Person,
    up_to: Decimal,
    dossier: str,
    key: str,
    on: date | None = None,
    actor: User | None = None,
    reason: str = "",
) -> Decimal:
    """Reserve what is available for a dossier, at most ``up_to``; returns the amount reserved.

    The account is locked before its available rights are read, so two calls for the same person run
    one after the other and the second sees what the first reserved. Nothing available (or ``up_to``
    zero) reserves nothing, writes no entry and returns zero. A key already used returns the amount of
    its reservation and moves nothing.
    """
    up_to = _money(up_to, allow_zero=True)
    account = _locked(person)
    if (entry := _existing(key, kind=Entry.Kind.RESERVATION, account=account)) is not None:
        return entry.reserved_change
    amount = max(ZERO, min(account.available, up_to))
    if amount == ZERO:
        return ZERO
    _reservation(account, amount, dossier=dossier, on=on, reason=reason, key=key, actor=actor)
    return amount


@transaction.atomic
def consume(
    *,
    person: Person,
    amount: Decimal,
    dossier: str,
    key: str,
    on: date | None = None,
    actor: User | None = None,
    reason: str = "",
) -> Entry:
    """Consume ``amount`` of what is reserved for a dossier (the balance and the reserved amount drop)."""
    amount = _money(amount)
    account = _locked(person)
    if (entry := _existing(key, kind=Entry.Kind.CONSUMPTION, account=account)) is not None:
        return entry
    _check_reserved(amount, open_reservation(account, dossier), dossier, action="Consommation")
    return _append_for_dossier(
        account,
        kind=Entry.Kind.CONSUMPTION,
        amount=-amount,
        reserved_change=-amount,
        dossier=dossier,
        on=on,
        reason=reason or f"Consommation pour le dossier {dossier}",
        key=key,
        actor=actor,
    )


@transaction.atomic
def release(
    *,
    person: Person,
    dossier: str,
    key: str,
    amount: Decimal | None = None,
    on: date | None = None,
    actor: User | None = None,
    reason: str = "",
) -> Entry:
    """Release what is reserved for a dossier (all of it when ``amount`` is None)."""
    account = _locked(person)
    if (entry := _existing(key, kind=Entry.Kind.RELEASE, account=account)) is not None:
        return entry
    still = open_reservation(account, dossier)
    amount = still if amount is None else _money(amount)
    if still <= 0:
        raise NoOpenReservation(f"Aucun droit n'est réservé pour le dossier {dossier}.")
    _check_reserved(amount, still, dossier, action="Libération")
    return _append_for_dossier(
        account,
        kind=Entry.Kind.RELEASE,
        amount=ZERO,
        reserved_change=-amount,
        dossier=dossier,
        on=on,
        reason=reason or f"Libération des droits réservés pour le dossier {dossier}",
        key=key,
        actor=actor,
    )


@transaction.atomic
def adjust(
    *,
    person: Person,
    amount: Decimal,
    reason: str,
    actor: User | None,
    key: str,
    on: date | None = None,
    request: HttpRequest | None = None,
) -> Entry:
    """A gestionnaire's correction of the balance (signed), with a mandatory reason; audited.

    Refused when the balance would exceed the ceiling in force on ``on`` or fall below what is reserved.
    """
    amount = _money(amount, allow_negative=True)
    reason = (reason or "").strip()
    if not reason:
        raise RightsRefused("Le motif de l'ajustement est obligatoire.")
    if actor is None:
        raise RightsRefused("Un ajustement doit être fait par un gestionnaire identifié.")
    on = _today(on)
    account = _locked(person)
    if (entry := _existing(key, kind=Entry.Kind.ADJUSTMENT, account=account)) is not None:
        return entry
    ceiling = rules.ceiling(on)
    new_balance = account.balance + amount
    if amount > 0 and new_balance > ceiling:
        raise CeilingExceeded(
            f"Ajustement refusé : le solde atteindrait {euros(new_balance)}, au-delà du plafond de "
            f"{euros(ceiling)} en vigueur le {on:%d/%m/%Y}."
        )
    if new_balance < account.reserved:
        raise InsufficientRights(
            f"Ajustement refusé : le solde deviendrait {euros(new_balance)}, inférieur aux droits "
            f"réservés ({euros(account.reserved)})."
        )
    event = record(
        action="rights.account.adjusted",
        actor=actor,
        target=account,
        request=request,
        amount=str(amount),
        reason=reason,
        effective_date=on.isoformat(),
        person_id=person.pk,
    )
    movement = _Movement(
        kind=Entry.Kind.ADJUSTMENT,
        amount=amount,
        reserved_change=ZERO,
        effective_date=on,
        reason=reason,
        key=key,
        actor=actor,
        audit_event=event,
    )
    return _append(account, movement)


def _check_reserved(amount: Decimal, still: Decimal, dossier: str, *, action: str) -> None:
    if amount > still:
        raise NoOpenReservation(
            f"{action} impossible : {euros(amount)} demandés, {euros(still)} réservés "
            f"pour le dossier {dossier}."
        )


def _append_for_dossier(account: RightsAccount, *, dossier: str, on: date | None, **movement: Any) -> Entry:
    """Append a movement of a dossier's reservation (reserve, consume, release)."""
    return _append(
        account, _Movement(effective_date=_today(on), dossier_reference=_dossier(dossier), **movement)
    )


def _dossier(reference: str) -> str:
    reference = (reference or "").strip()
    if not reference or len(reference) > 64:
        raise RightsRefused("La référence du dossier est obligatoire (64 caractères au plus).")
    return reference
