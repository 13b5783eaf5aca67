"""Benchmarks of the enrollment dossiers (issue 6).

* the expiry sweep over 100 000 open dossiers of which 10 000 are overdue: under 10 s;
* 200 élus confirming at the same moment on sessions of the same OF, each request in its own thread
  with its own PostgreSQL connection: no over-spent balance, no lost or duplicated ledger entry, every
  request answered.

DIFE_TEST_DB_SUFFIX=_enr .venv/bin/python -m pytest -m bench bench/test_enrollment_bench.py -s -p no:randomly
"""

from __future__ import annotations

import statistics
import sys
import threading
import time
from datetime import date, timedelta
from decimal import Decimal as D
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "devtools"))
import pg  # noqa: E402

pg.start()

from django.db import connection  # noqa: E402
from django.db.models import Count, Sum  # noqa: E402
from django.test import Client  # noqa: E402

from dife.accounts.models import User  # noqa: E402
from dife.catalog.models import Session  # noqa: E402
from dife.enrollment import services  # noqa: E402
from dife.enrollment.models import Dossier, Transition  # noqa: E402
from dife.enrollment.sweep import run_sweep  # noqa: E402
from dife.identity.stepup import SESSION_KEY  # noqa: E402
from dife.mandates.models import AccountPersonLink, Mandate, Person  # noqa: E402
from dife.notifications.models import Email  # noqa: E402
from dife.rights.models import Entry, RightsAccount  # noqa: E402
from tests.enrollment import factories as f  # noqa: E402

SWEEP_BUDGET = 10.0
OPEN, OVERDUE, ELUS, SESSIONS = 100_000, 10_000, 1_000, 100
SENT = f.at(date(2026, 5, 4))  # requests sent on Monday 4 May 2026 (OF answer due Wednesday 6 May)


def bulk_elus(count: int, *, prefix: str) -> list[int]:
    """``count`` élu accounts each linked to a registry person with a running mandate (ids)."""
    users = User.objects.bulk_create(
        [
            User(username=f"{prefix}{n}", email=f"{prefix}{n}@exemple.test", kind=User.Kind.ELU)
            for n in range(count)
        ]
    )
    born = date(1970, 1, 1)
    persons = Person.objects.bulk_create(
        [
            Person(matching_key=f"{prefix}|{n}", nom="BANC", prenoms="Essai", sexe="F", date_naissance=born)
            for n in range(count)
        ]
    )
    Mandate.objects.bulk_create(
        [
            Mandate(
                person=p,
                kind="municipal",
                collectivite_code="45234",
                collectivite_label="Orléans",
                start_date=date(2020, 3, 15),
                source="rne_municipal",
                source_id=7_000_000 + i,
            )
            for i, p in enumerate(persons)
        ]
    )
    AccountPersonLink.objects.bulk_create(
        [AccountPersonLink(user=u, person=p) for u, p in zip(users, persons, strict=True)]
    )
    return [u.pk for u in users]


def load_open_dossiers(session_ids: list[int], elu_ids: list[int], action, organisme) -> None:
    """100 000 submitted dossiers (one per élu and session), 10 000 of them overdue: 5 000 unanswered
    requests and 5 000 proposals left unconfirmed; written set-based, each state change with its log
    row (the database checks it)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO enrollment_dossier (
                elu_id, person_id, session_id, action_id, organisme_id, state, departement, price,
                planned_hours, categorie_socioprofessionnelle, objectif, conditions_accepted_at,
                submitted_at, deadline, no_show, force_majeure, force_majeure_document,
                force_majeure_content_type, motif, motif_detail, reste_paid_reference, created_at, updated_at)
            SELECT u.id, l.person_id, s.id, %(action)s, %(organisme)s, 'submitted', '45', 300, 6, '3',
                   'basic_skills', %(sent)s, %(sent)s,
                   CASE WHEN row_number() OVER (ORDER BY u.id, s.id) <= %(overdue)s
                        THEN %(sent)s + interval '2 days' ELSE %(sent)s + interval '60 days' END,
                   false, false, '', '', '', '', '', now(), now()
            FROM unnest(%(elus)s::bigint[]) AS e(id)
            JOIN accounts_user u ON u.id = e.id
            JOIN mandates_accountpersonlink l ON l.user_id = u.id
            CROSS JOIN unnest(%(sessions)s::bigint[]) AS s(id)
            """,
            {
                "action": action.pk,
                "organisme": organisme.pk,
                "sent": SENT,
                "overdue": OVERDUE,
                "elus": elu_ids,
                "sessions": session_ids,
            },
        )
        cursor.execute(
            "INSERT INTO enrollment_transition"
            " (dossier_id, from_state, to_state, actor_kind, actor_id, at, reason, data)"
            " SELECT id, '', 'submitted', 'elu', elu_id, submitted_at, 'Demande d''inscription envoyée', '{}'"
            " FROM enrollment_dossier"
        )
        # Half of the overdue ones were proposed on 5 May (the élu's 4 business days end on 11 May).
        cursor.execute(
            "CREATE TEMP TABLE bench_proposed AS SELECT id FROM enrollment_dossier"
            " WHERE deadline < %(cut)s ORDER BY id LIMIT %(half)s",
            {"cut": SENT + timedelta(days=10), "half": OVERDUE // 2},
        )
        cursor.execute(
            "INSERT INTO enrollment_transition"
            " (dossier_id, from_state, to_state, actor_kind, actor_id, at, reason, data)"
            " SELECT d.id, 'submitted', 'proposed', 'organisme', %(of_user)s, %(at)s, 'Proposition', '{}'"
            " FROM enrollment_dossier d JOIN bench_proposed p ON p.id = d.id",
            {
                "of_user": User.objects.filter(kind=User.Kind.ORGANISME).first().pk,
                "at": SENT + timedelta(days=1),
            },
        )
        cursor.execute(
            "UPDATE enrollment_dossier d"
            " SET state = 'proposed', proposed_at = %(at)s, deadline = %(deadline)s"
            " FROM bench_proposed p WHERE p.id = d.id",
            {"at": SENT + timedelta(days=1), "deadline": f.at(date(2026, 5, 11), "23:59")},
        )
        cursor.execute("DROP TABLE bench_proposed")
        cursor.execute("ANALYZE enrollment_dossier; ANALYZE enrollment_transition")


@pytest.mark.bench
@pytest.mark.django_db(transaction=True)
def test_expiry_sweep_over_100000_open_dossiers():
    places = f.make_places()
    organisme = f.make_of()
    f.make_of_user(organisme)
    action = f.make_action(
        organisme,
        commune=places["Orléans"],
        sessions=((date(2026, 9, 7), date(2026, 9, 7)),),
        published_on=date(2026, 5, 1),
    )
    Session.objects.bulk_create(
        [
            Session(
                action=action,
                debut=date(2026, 9, 7) + timedelta(days=i),
                fin=date(2026, 9, 7) + timedelta(days=i),
            )
            for i in range(1, SESSIONS)
        ]
    )
    session_ids = list(action.sessions.values_list("pk", flat=True))
    elu_ids = bulk_elus(ELUS, prefix="balayage")
    started = time.monotonic()
    load_open_dossiers(session_ids, elu_ids, action, organisme)
    print(f"\nChargement de {Dossier.objects.count()} dossiers ouverts : {time.monotonic() - started:.1f} s")
    counts = dict(Dossier.objects.values_list("state").annotate(n=Count("id")))
    assert counts == {"submitted": OPEN - OVERDUE // 2, "proposed": OVERDUE // 2}

    now = f.at(date(2026, 5, 20))
    started = time.monotonic()
    result = run_sweep(now=now)
    seconds = time.monotonic() - started
    print(
        f"Balayage : {result.expired_of} demandes sans réponse et {result.expired_elu} propositions non "
        f"confirmées annulées sans suite en {seconds:.2f} s ({result.batches} lots), "
        f"{Email.objects.count()} courriels mis en file"
    )
    started = time.monotonic()
    again = run_sweep(now=now)
    rerun = time.monotonic() - started
    print(f"Relance : {again.expired_of + again.expired_elu} changement en {rerun:.2f} s")
    counts = dict(Dossier.objects.values_list("state").annotate(n=Count("id")))
    assert (result.expired_of, result.expired_elu) == (OVERDUE // 2, OVERDUE // 2)
    assert counts == {"submitted": OPEN - OVERDUE, "expired_of": OVERDUE // 2, "expired_elu": OVERDUE // 2}
    assert Transition.objects.filter(actor_kind="system").count() == OVERDUE
    assert (again.expired_of, again.expired_elu) == (0, 0)
    assert seconds < SWEEP_BUDGET


def signed_in_client(user) -> Client:
    client = Client()
    client.force_login(user)
    session = client.session
    session[SESSION_KEY] = {
        "user_id": user.pk,
        "method": "franceconnect",
        "acr": "eidas2",
        "at": "2026-05-06",
    }
    session.save()
    return client


@pytest.mark.bench
@pytest.mark.django_db(transaction=True)
def test_200_elus_confirming_at_the_same_moment():
    from django.utils import timezone

    today = timezone.localdate()
    places = f.make_places()
    organisme = f.make_of()
    of_user = f.make_of_user(organisme)
    # 10 sessions of the same OF with 20 seats each; 200 élus, the first 20 with two proposals
    # (sessions k and k+5) and 500 € for two trainings of 300 €: 220 confirmations for 200 seats.
    actions = [
        f.make_action(
            organisme,
            commune=places["Orléans"],
            places=20,
            published_on=today,
            sessions=((today + timedelta(days=40), today + timedelta(days=41)),),
        )
        for _ in range(10)
    ]
    sessions = [a.sessions.get() for a in actions]
    elus = [f.make_elu(balance="500.00" if n < 20 else "800.00") for n in range(200)]
    work = []
    for n, elu in enumerate(elus):
        for k in (n % 10, (n + 5) % 10) if n < 20 else (n % 10,):
            dossier = f.apply(elu, sessions[k], now=timezone.now())
            work.append((elu, services.propose(dossier=dossier, by=of_user)))
    clients = {elu.pk: None for elu in elus}
    requests = [(signed_in_client(elu), dossier) for elu, dossier in work]
    del clients
    print(f"\n{len(requests)} confirmations prêtes ({len(elus)} élus, {len(sessions)} sessions de 20 places)")

    barrier = threading.Barrier(len(requests))
    answers, latencies, errors, pids, lock = [], [], [], set(), threading.Lock()

    def confirm(client, dossier):
        try:
            barrier.wait(60)
            started = time.monotonic()
            response = client.post(f"/dossiers/{dossier.numero}/confirmer")
            elapsed = time.monotonic() - started
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                pid = cursor.fetchone()[0]
            with lock:
                answers.append(response.status_code)
                latencies.append(elapsed)
                pids.add(pid)
        except Exception as error:  # noqa: BLE001 — counted: every request must be answered
            with lock:
                errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=r) for r in requests]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    wall = time.monotonic() - started

    accepted = Dossier.objects.filter(state="accepted")
    per_session = dict(accepted.values_list("session").annotate(n=Count("id")))
    overspent = 0
    for account in RightsAccount.objects.filter(person__account_links__user__in=elus):
        engaged = accepted.filter(person=account.person).aggregate(s=Sum("rights_engaged"))["s"] or D("0")
        entries = Entry.objects.filter(account=account)
        assert account.reserved == engaged == sum(e.reserved_change for e in entries)
        assert account.balance == sum(e.amount for e in entries)
        overspent += account.reserved > account.balance
    reservations = Entry.objects.filter(kind="reservation")
    duplicated = reservations.values("dossier_reference").annotate(n=Count("id")).filter(n__gt=1).count()
    positive = accepted.filter(rights_engaged__gt=0).count()
    latencies.sort()
    print(
        f"{len(answers)} réponses / {len(requests)} requêtes en {wall:.2f} s, "
        f"{len(pids)} connexions PostgreSQL distinctes ; "
        f"latence médiane {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {latencies[int(0.95 * len(latencies)) - 1] * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
    )
    print(
        f"{accepted.count()} inscriptions validées (places par session : {sorted(per_session.values())}), "
        f"{Dossier.objects.filter(state='proposed').count()} refusées « session complète » ; "
        f"{reservations.count()} réservations pour {positive} dossiers financés, {duplicated} en double, "
        f"{overspent} solde dépassé"
    )
    doubles = [sorted(accepted.filter(elu=elu).values_list("rights_engaged", flat=True)) for elu in elus[:20]]
    both = [d for d in doubles if len(d) == 2]
    print(
        f"Élus à deux propositions (500 € de droits) : {len(both)} ont deux inscriptions validées, "
        f"parts DIFE {sorted({tuple(str(x) for x in d) for d in both})}"
    )
    assert all(d == [D("200.00"), D("300.00")] for d in both)
    assert errors == [] and len(answers) == len(requests) and set(answers) == {302}
    assert accepted.count() == 200 and all(n == 20 for n in per_session.values())
    assert reservations.count() == positive and duplicated == 0 and overspent == 0
    assert len(pids) > 100
