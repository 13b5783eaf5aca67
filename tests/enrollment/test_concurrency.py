"""Confirmations at the same moment, each in its own thread with its own database connection: the
funding plans never spend more than the balance, no ledger entry is lost or doubled, seats hold."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal as D

import pytest
from django.db import connection

from dife.enrollment import services
from dife.enrollment.errors import TransitionRefused
from dife.enrollment.models import Dossier
from dife.rights.models import Entry, RightsAccount
from tests.enrollment import factories as f

pytestmark = pytest.mark.django_db(transaction=True)
NOW = f.at(date(2026, 5, 6))


def at_once(calls) -> tuple[list, list]:
    barrier = threading.Barrier(len(calls))
    done, refused, lock = [], [], threading.Lock()

    def run(call):
        try:
            barrier.wait()
            result = call()
            with lock:
                done.append(result)
        except TransitionRefused as error:
            with lock:
                refused.append(str(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return done, refused


def proposals(places, elus, *, sessions: int = 1, places_per_session=None):
    organisme = f.make_of()
    of_user = f.make_of_user(organisme)
    out = []
    for elu in elus:
        for _ in range(sessions):
            action = f.make_action(
                organisme,
                commune=places["Orléans"],
                sessions=((date(2026, 6, 15), date(2026, 6, 15)),),
                published_on=date(2026, 5, 1),
                places=places_per_session,
            )
            dossier = f.apply(elu, action.sessions.get(), now=f.at(date(2026, 5, 4)))
            out.append(services.propose(dossier=dossier, by=of_user, now=f.at(date(2026, 5, 5))))
    return out


def test_four_confirmations_of_one_elu_never_overspend(places):
    elu = f.make_elu(balance="800.00")
    dossiers = proposals(places, [elu], sessions=4)  # 4 × 300 € against 800 €
    done, refused = at_once(
        [lambda d=d: services.confirm(dossier=d, by=elu, identity_verified=True, now=NOW) for d in dossiers]
    )
    assert (len(done), refused) == (4, [])
    plans = sorted(Dossier.objects.values_list("rights_engaged", "reste_a_payer"))
    assert plans == [
        (D("0.00"), D("300.00")),
        (D("200.00"), D("100.00")),
        (D("300.00"), D("0.00")),
        (D("300.00"), D("0.00")),
    ]
    account = RightsAccount.objects.get(person=f.person_of(elu))
    entries = Entry.objects.filter(account=account, kind="reservation")
    assert (account.balance, account.reserved) == (D("800.00"), D("800.00"))
    assert entries.count() == 3 and sum(e.reserved_change for e in entries) == D("800.00")


def test_the_same_confirmation_sent_six_times_reserves_once(places):
    elu = f.make_elu(balance="800.00")
    (dossier,) = proposals(places, [elu])
    done, refused = at_once(
        [lambda: services.confirm(dossier=dossier, by=elu, identity_verified=True, now=NOW) for _ in range(6)]
    )
    assert len(done) == 1 and len(refused) == 5
    assert Entry.objects.filter(kind="reservation").count() == 1
    assert RightsAccount.objects.get(person=f.person_of(elu)).reserved == D("300.00")


def test_a_session_full_refuses_the_last_confirmations(places):
    elus = [f.make_elu() for _ in range(5)]
    organisme = f.make_of()
    of_user = f.make_of_user(organisme)
    action = f.make_action(
        organisme,
        commune=places["Orléans"],
        sessions=((date(2026, 6, 15), date(2026, 6, 15)),),
        published_on=date(2026, 5, 1),
        places=2,
    )
    dossiers = [
        services.propose(
            dossier=f.apply(e, action.sessions.get(), now=f.at(date(2026, 5, 4))),
            by=of_user,
            now=f.at(date(2026, 5, 5)),
        )
        for e in elus
    ]
    done, refused = at_once(
        [lambda d=d: services.confirm(dossier=d, by=d.elu, identity_verified=True, now=NOW) for d in dossiers]
    )
    assert len(done) == 2 and len(refused) == 3
    assert all("La session est complète" in r for r in refused)
    assert Entry.objects.filter(kind="reservation").count() == 2
