"""``reserve_available`` (lock, read, reserve what is there) and the ``open_reservations`` selector."""

import threading
from datetime import date
from decimal import Decimal as D

import pytest
from django.db import connection

from dife.rights import selectors, services
from dife.rights.exceptions import IdempotencyConflict, InvalidAmount
from dife.rights.models import Entry, RightsAccount
from tests.rights.conftest import make_person
from tests.rights.test_concurrency import holding_800

ON = date(2026, 3, 30)


def _reservations(person):
    return Entry.objects.filter(account__person=person, kind="reservation")


@pytest.mark.django_db
def test_reserves_up_to_when_enough_is_available(person):
    services.credit(person=person, on=ON, key="c")
    amount = services.reserve_available(
        person=person, up_to=D("250.00"), dossier="D-1", key="r1", on=ON, reason="Pour D-1"
    )
    assert amount == D("250.00")
    entry = _reservations(person).get()
    assert (entry.reserved_change, entry.dossier_reference, entry.reason) == (D("250.00"), "D-1", "Pour D-1")
    account = RightsAccount.objects.get(person=person)
    assert (account.balance, account.reserved, account.available) == (D("400.00"), D("250.00"), D("150.00"))


@pytest.mark.django_db
def test_reserves_only_what_is_available_when_less_than_up_to(person):
    services.credit(person=person, on=ON, key="c")
    services.reserve(person=person, amount=D("250.00"), dossier="D-1", key="r1")
    amount = services.reserve_available(person=person, up_to=D("300.00"), dossier="D-2", key="r2")
    assert amount == D("150.00")
    assert RightsAccount.objects.get(person=person).available == D("0.00")


@pytest.mark.django_db
def test_nothing_available_reserves_nothing_and_writes_no_entry(person):
    assert services.reserve_available(person=person, up_to=D("300.00"), dossier="D-1", key="r1") == D("0")
    services.credit(person=person, on=ON, key="c")
    services.reserve(person=person, amount=D("400.00"), dossier="D-2", key="r2")
    assert services.reserve_available(person=person, up_to=D("300.00"), dossier="D-3", key="r3") == D("0")
    assert services.reserve_available(person=person, up_to=D("0"), dossier="D-4", key="r4") == D("0")
    assert not Entry.objects.filter(idempotency_key__in=["r1", "r3", "r4"]).exists()
    assert _reservations(person).count() == 1


@pytest.mark.django_db
def test_same_key_twice_gives_one_entry_and_the_same_amount(person):
    services.credit(person=person, on=ON, key="c")
    first = services.reserve_available(person=person, up_to=D("300.00"), dossier="D-1", key="r1")
    again = services.reserve_available(person=person, up_to=D("50.00"), dossier="D-1", key="r1")
    assert first == again == D("300.00")
    assert _reservations(person).count() == 1
    assert RightsAccount.objects.get(person=person).reserved == D("300.00")


@pytest.mark.django_db
def test_a_key_of_another_movement_or_a_bad_amount_is_refused(person):
    services.credit(person=person, on=ON, key="c")
    with pytest.raises(IdempotencyConflict):
        services.reserve_available(person=person, up_to=D("10.00"), dossier="D-1", key="c")
    with pytest.raises(InvalidAmount):
        services.reserve_available(person=person, up_to=D("-1.00"), dossier="D-1", key="r1")
    with pytest.raises(InvalidAmount):
        services.reserve_available(person=person, up_to=D("1.001"), dossier="D-1", key="r1")


def _in_threads(count: int, call) -> list:
    barrier = threading.Barrier(count)
    results, lock = [], threading.Lock()

    def worker(n: int) -> None:
        try:
            barrier.wait()
            amount = call(n)
            with lock:
                results.append(amount)
        finally:
            connection.close()  # each thread opened its own connection

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_concurrent_calls_with_the_same_key_write_one_entry():
    person = make_person()
    holding_800(person)
    results = _in_threads(
        6, lambda n: services.reserve_available(person=person, up_to=D("300.00"), dossier="D-1", key="same")
    )
    assert results == [D("300.00")] * 6
    assert _reservations(person).count() == 1
    assert RightsAccount.objects.get(person=person).reserved == D("300.00")


@pytest.mark.django_db(transaction=True)
def test_concurrent_calls_share_what_is_available_without_overbooking():
    person = make_person()
    holding_800(person)
    results = _in_threads(
        4,
        lambda n: services.reserve_available(person=person, up_to=D("300.00"), dossier=f"D-{n}", key=f"r{n}"),
    )
    assert sorted(results) == [D("0"), D("200.00"), D("300.00"), D("300.00")]
    account = RightsAccount.objects.get(person=person)
    assert (account.reserved, account.available) == (D("800.00"), D("0.00"))
    assert _reservations(person).count() == 3


@pytest.mark.django_db
def test_open_reservations_lists_what_is_still_reserved_per_dossier(person):
    other = make_person()
    for who in (person, other):
        services.credit(person=who, on=ON, key=f"c-{who.pk}")
    services.reserve(person=person, amount=D("100.00"), dossier="D-1", key="r1")
    services.consume(person=person, amount=D("40.00"), dossier="D-1", key="k1")
    services.reserve(person=person, amount=D("50.00"), dossier="D-2", key="r2")
    services.release(person=person, dossier="D-2", key="l2")
    services.reserve(person=person, amount=D("30.00"), dossier="D-3", key="r3")
    services.reserve(person=other, amount=D("70.00"), dossier="D-4", key="r4")
    refs = ["D-1", "D-2", "D-4", "D-9"]
    assert selectors.open_reservations([person], refs) == {"D-1": D("60.00")}
    assert selectors.open_reservations({person.pk, other.pk}, refs) == {"D-1": D("60.00"), "D-4": D("70.00")}
    assert selectors.open_reservations([], refs) == {}


@pytest.mark.django_db
def test_available_reads_balance_minus_reserved(person):
    assert selectors.available(person) == D("0")
    services.credit(person=person, on=ON, key="c")
    services.reserve(person=person, amount=D("100.00"), dossier="D-1", key="r1")
    assert selectors.available(person) == D("300.00")
