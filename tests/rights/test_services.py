"""Ledger services: movements, refusals in French, idempotence, database guarantees."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from dife.audit.models import Event
from dife.rights import services
from dife.rights.exceptions import (
    CeilingExceeded,
    IdempotencyConflict,
    InsufficientRights,
    InvalidAmount,
    NoOpenReservation,
    RightsRefused,
)
from dife.rights.models import Entry, RightsAccount

pytestmark = pytest.mark.django_db
ON = date(2026, 3, 30)


def _actor():
    from dife.accounts.models import User

    return User.objects.get_or_create(username="gestion-test", defaults={"kind": User.Kind.GESTIONNAIRE})[0]


def test_credit_then_reserve_consume_release(person):
    entry = services.credit(person=person, on=ON, key="k1")
    assert (entry.kind, entry.amount, entry.balance_after, entry.credit_year) == (
        "credit",
        D("400.00"),
        D("400.00"),
        2026,
    )
    assert entry.reason == "Alimentation annuelle 2026"
    services.reserve(person=person, amount=D("250.00"), dossier="D-1", key="r1")
    account = RightsAccount.objects.get(person=person)
    assert (account.balance, account.reserved, account.available) == (D("400.00"), D("250.00"), D("150.00"))
    services.consume(person=person, amount=D("100.00"), dossier="D-1", key="c1")
    released = services.release(person=person, dossier="D-1", key="l1")
    assert released.reserved_change == D("-150.00")
    account.refresh_from_db()
    assert (account.balance, account.reserved) == (D("300.00"), D("0.00"))
    assert account.last_credit_date == ON
    assert [e.kind for e in Entry.objects.filter(account=account).order_by("id")] == [
        "credit", "reservation", "consumption", "release",
    ]  # fmt: skip


def test_reservation_beyond_available_is_refused_with_a_clear_message(person):
    services.credit(person=person, on=ON, key="k1")
    services.reserve(person=person, amount=D("200.00"), dossier="D-1", key="r1")
    with pytest.raises(InsufficientRights) as error:
        services.reserve(person=person, amount=D("500.00"), dossier="D-2", key="r2")
    assert (
        str(error.value)
        == "Droits disponibles insuffisants : 500,00\u00a0€ demandés, 200,00\u00a0€ disponibles."
    )
    assert RightsAccount.objects.get(person=person).reserved == D("200.00")
    assert not Entry.objects.filter(idempotency_key="r2").exists()


def test_consume_and_release_only_what_is_reserved_for_the_dossier(person):
    services.credit(person=person, on=ON, key="k1")
    services.reserve(person=person, amount=D("100.00"), dossier="D-1", key="r1")
    with pytest.raises(NoOpenReservation, match="100,00\u00a0€ réservés pour le dossier D-1"):
        services.consume(person=person, amount=D("150.00"), dossier="D-1", key="c1")
    with pytest.raises(NoOpenReservation, match="Aucun droit n'est réservé pour le dossier D-9"):
        services.release(person=person, dossier="D-9", key="l9")
    services.release(person=person, dossier="D-1", key="l1")
    with pytest.raises(NoOpenReservation):
        services.release(person=person, dossier="D-1", key="l2")


@pytest.mark.parametrize("amount", ["0", "-5", "12.345", "abc", "NaN"])
def test_invalid_amounts_are_refused(person, amount):
    services.credit(person=person, on=ON, key="k1")
    with pytest.raises(InvalidAmount):
        services.reserve(person=person, amount=amount, dossier="D-1", key="r1")


def test_every_service_is_idempotent_by_key(person):
    actor = _actor()
    calls = [
        lambda: services.credit(person=person, on=ON, key="k-credit"),
        lambda: services.reserve(person=person, amount=D("100"), dossier="D-1", key="k-res"),
        lambda: services.consume(person=person, amount=D("40"), dossier="D-1", key="k-con"),
        lambda: services.release(person=person, dossier="D-1", amount=D("10"), key="k-rel"),
        lambda: services.adjust(person=person, amount=D("-20"), reason="Erreur", actor=actor, key="k-adj"),
    ]
    for call in calls:
        first = call()
        before = RightsAccount.objects.values_list("balance", "reserved").get(person=person)
        second = call()
        assert second.pk == first.pk
        assert RightsAccount.objects.values_list("balance", "reserved").get(person=person) == before
    assert Entry.objects.filter(account__person=person).count() == 5
    assert Event.objects.filter(action="rights.account.adjusted").count() == 1
    # a yearly credit exists once per year even with another key
    assert services.credit(person=person, on=date(2026, 12, 1), key="other").idempotency_key == "k-credit"


def test_a_key_reused_for_another_movement_is_a_conflict(person):
    services.credit(person=person, on=ON, key="same")
    with pytest.raises(IdempotencyConflict):
        services.reserve(person=person, amount=D("1"), dossier="D-1", key="same")


def test_credit_is_capped_at_the_ceiling_and_recorded_even_when_zero(person):
    services.credit(person=person, on=date(2024, 3, 30), key="y2024")
    services.credit(person=person, on=date(2025, 3, 30), key="y2025")
    third = services.credit(person=person, on=date(2026, 3, 30), key="y2026")
    assert third.amount == D("0.00")
    assert third.reason == "Alimentation annuelle 2026 (plafond de 800,00\u00a0€ en vigueur le 30/03/2026)"
    assert RightsAccount.objects.get(person=person).balance == D("800.00")


def test_adjust_needs_a_reason_respects_the_ceiling_and_the_reservations_and_is_audited(person):
    actor = _actor()
    services.credit(person=person, on=ON, key="k1")
    with pytest.raises(RightsRefused, match="motif de l'ajustement est obligatoire"):
        services.adjust(person=person, amount=D("10"), reason="  ", actor=actor, key="a0")
    with pytest.raises(CeilingExceeded, match="au-delà du plafond de 800,00"):
        services.adjust(person=person, amount=D("400.01"), reason="Trop", actor=actor, key="a1", on=ON)
    services.reserve(person=person, amount=D("300"), dossier="D-1", key="r1")
    with pytest.raises(InsufficientRights, match="inférieur aux droits réservés"):
        services.adjust(person=person, amount=D("-100.01"), reason="Trop", actor=actor, key="a2")
    entry = services.adjust(
        person=person, amount=D("400"), reason="Report de droits", actor=actor, key="a3", on=ON
    )
    assert entry.balance_after == D("800.00") and entry.actor == actor
    event = entry.audit_event
    assert event.action == "rights.account.adjusted" and event.actor == actor
    assert event.data["reason"] == "Report de droits" and event.data["amount"] == "400.00"


def test_the_database_refuses_update_and_delete_of_entries(person):
    entry = services.credit(person=person, on=ON, key="k1")
    for sql in ("UPDATE rights_entry SET amount = 0 WHERE id = %s", "DELETE FROM rights_entry WHERE id = %s"):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [entry.pk])
    assert Entry.objects.get(pk=entry.pk).amount == D("400.00")


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE rights_account SET balance = -1 WHERE person_id = %s",
        "UPDATE rights_account SET reserved = balance + 1 WHERE person_id = %s",
        "UPDATE rights_account SET reserved = -1 WHERE person_id = %s",
    ],
)
def test_the_database_refuses_a_negative_balance_or_overbooked_reservations(person, sql):
    services.credit(person=person, on=ON, key="k1")
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [person.pk])


def test_the_database_refuses_incoherent_entries(person):
    account = services.account_for(person)
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.create(
            account=account, kind="consumption", amount=D("10"), reserved_change=D("10"), balance_after=0,
            reserved_after=0, effective_date=ON, reason="x", idempotency_key="bad",
        )  # fmt: skip
