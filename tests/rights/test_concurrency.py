"""Concurrent reservations on one account: real threads, each with its own database connection."""

import threading
from datetime import date
from decimal import Decimal as D

import pytest
from django.db import connection

from dife.accounts.models import User
from dife.rights import services
from dife.rights.exceptions import InsufficientRights
from dife.rights.models import Entry, RightsAccount
from tests.rights.conftest import make_person


def reserve_concurrently(person, *, threads: int, amount: D) -> tuple[list, list]:
    barrier = threading.Barrier(threads)
    successes, refusals = [], []
    lock = threading.Lock()

    def worker(n: int) -> None:
        try:
            barrier.wait()
            entry = services.reserve(person=person, amount=amount, dossier=f"D-{n}", key=f"res-{n}")
            with lock:
                successes.append(entry.pk)
        except InsufficientRights as error:
            with lock:
                refusals.append(str(error))
        finally:
            connection.close()  # each thread opened its own connection

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return successes, refusals


def holding_800(person):
    actor = User.objects.create(username="gestion-conc", kind=User.Kind.GESTIONNAIRE)
    services.credit(person=person, on=date(2026, 3, 30), key="c")
    services.adjust(
        person=person, amount=D("400"), reason="Reprise", actor=actor, key="a", on=date(2026, 3, 30)
    )


@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_reservations_of_300_against_800_exactly_two_succeed():
    person = make_person()
    holding_800(person)
    successes, refusals = reserve_concurrently(person, threads=10, amount=D("300.00"))
    assert len(successes) == 2 and len(refusals) == 8
    # each refused thread waited for the lock and saw what the two winners left
    assert set(refusals) == {
        "Droits disponibles insuffisants : 300,00\u00a0€ demandés, 200,00\u00a0€ disponibles."
    }
    account = RightsAccount.objects.get(person=person)
    entries = Entry.objects.filter(account=account)
    assert (account.balance, account.reserved, account.available) == (D("800.00"), D("600.00"), D("200.00"))
    assert sum(e.amount for e in entries) == account.balance
    assert sum(e.reserved_change for e in entries) == account.reserved
    assert entries.filter(kind="reservation").count() == 2
