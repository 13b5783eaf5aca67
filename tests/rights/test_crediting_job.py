"""The crediting job (set-based SQL): same results as the pure rules, idempotent, safe to kill and re-run."""

import random
from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from django.core.management import call_command
from django.db.models import Count

from dife.mandates.models import Mandate
from dife.rights import crediting_rules as rules
from dife.rights import services
from dife.rights.crediting import run_crediting
from dife.rights.models import CreditingRun, Entry, RightsAccount
from tests.rights.conftest import add_mandate, make_person

pytestmark = pytest.mark.django_db
KINDS = ["municipal", "communautaire", "departemental", "regional"]


def credits_of(person):
    return list(
        Entry.objects.filter(account__person=person, kind="credit")
        .order_by("effective_date")
        .values_list("effective_date", "amount", "balance_after")
    )


def random_register(n: int, seed: int = 2026):
    """Persons with 1–3 mandates: general elections, late installations, by-elections, ended mandates."""
    rng = random.Random(seed)
    starts = [date(2014, 3, 28), date(2020, 3, 20), date(2021, 7, 1), date(2026, 3, 15), date(2026, 3, 22)]
    persons = []
    for _ in range(n):
        person = make_person()
        for _ in range(rng.randint(1, 3)):
            start = (
                rng.choice(starts)
                if rng.random() < 0.6
                else date(2019, 1, 1) + timedelta(rng.randint(0, 2900))
            )
            end = None if rng.random() < 0.6 else start + timedelta(rng.randint(0, 2500))
            removed = date(2026, 6, 1) if end is None and rng.random() < 0.05 else None
            add_mandate(person, rng.choice(KINDS), start, end, removed_from_register_on=removed)
        persons.append(person)
    return persons


def expected_credits(person, until):
    spans = rules.spans_of(Mandate.objects.filter(person=person))
    balance, result = D("0.00"), []
    for day in rules.crediting_dates(spans, until=until):
        amount = rules.credit_amount(balance=balance, on=day)
        balance += amount
        result.append((day, amount, balance))
    return result


def test_job_gives_the_same_dates_and_amounts_as_the_pure_rules():
    persons = random_register(150)
    as_of = date(2027, 8, 1)
    run = run_crediting(as_of=as_of, trigger=CreditingRun.Trigger.TEST, chunk_size=40)
    expected = {p.pk: expected_credits(p, as_of) for p in persons}
    assert {p.pk: credits_of(p) for p in persons} == expected
    assert run.credits == sum(len(v) for v in expected.values())
    assert run.accounts_created == len(persons) and run.finished_at is not None
    for account in RightsAccount.objects.all():
        entries = Entry.objects.filter(account=account)
        assert account.balance == sum((e.amount for e in entries), D("0.00"))
        assert account.balance <= D("800.00")


def test_issue_examples_through_the_job():
    municipal = make_person()
    add_mandate(municipal, "municipal", date(2026, 3, 15))
    departemental = make_person()
    add_mandate(departemental, "departemental", date(2021, 7, 1))
    add_mandate(departemental, "municipal", date(2026, 3, 15))  # younger: the departmental date stands
    by_election = make_person()
    add_mandate(by_election, "municipal", date(2024, 10, 6))
    run_crediting(as_of=date(2026, 11, 26), trigger=CreditingRun.Trigger.TEST)
    assert credits_of(municipal) == [(date(2026, 3, 30), D("400.00"), D("400.00"))]
    assert credits_of(departemental) == [
        (date(2021, 7, 23), D("400.00"), D("400.00")),
        (date(2022, 7, 5), D("300.00"), D("700.00")),  # ceiling 700 € from 2022-01-01
        (date(2023, 7, 5), D("100.00"), D("800.00")),  # ceiling 800 € from 2023-03-30
        (date(2024, 7, 5), D("0.00"), D("800.00")),
        (date(2025, 7, 5), D("0.00"), D("800.00")),
        (date(2026, 7, 5), D("0.00"), D("800.00")),
    ]
    assert credits_of(by_election) == [
        (date(2024, 10, 21), D("400.00"), D("400.00")),
        (date(2025, 10, 21), D("400.00"), D("800.00")),
        (date(2026, 10, 21), D("0.00"), D("800.00")),
    ]
    capped = Entry.objects.get(account__person=departemental, credit_year=2022)
    assert capped.reason == "Alimentation annuelle 2022 (plafond de 700,00\u00a0€ en vigueur le 05/07/2022)"
    assert capped.idempotency_key == f"credit:{capped.account_id}:2022" and capped.run is not None


def test_job_credits_from_the_balance_left_by_spending():
    person = make_person()
    add_mandate(person, "municipal", date(2026, 3, 15))
    run_crediting(as_of=date(2026, 12, 31), trigger=CreditingRun.Trigger.TEST)
    services.reserve(person=person, amount=D("300"), dossier="D-1", key="r")
    services.consume(person=person, amount=D("300"), dossier="D-1", key="c")
    run_crediting(as_of=date(2027, 3, 30), trigger=CreditingRun.Trigger.TEST)
    assert credits_of(person)[-1] == (date(2027, 3, 30), D("400.00"), D("500.00"))


def test_rerun_for_the_same_date_credits_nothing():
    random_register(30)
    first = run_crediting(as_of=date(2026, 11, 26), trigger=CreditingRun.Trigger.TEST)
    total = Entry.objects.count()
    second = run_crediting(as_of=date(2026, 11, 26), trigger=CreditingRun.Trigger.TEST)
    assert first.credits == total > 0
    assert (second.credits, second.amount, second.accounts_created) == (0, D("0.00"), 0)
    assert Entry.objects.count() == total


class Killed(Exception):
    pass


def test_killed_midway_then_rerun_leaves_exactly_one_credit_per_person_and_year():
    persons = random_register(60, seed=7)
    as_of = date(2026, 11, 26)
    seen = []

    def kill_after_three_slices(result):
        seen.append(result)
        if len(seen) == 3:
            raise Killed

    with pytest.raises(Killed):
        run_crediting(
            as_of=as_of, chunk_size=20, progress=kill_after_three_slices, trigger=CreditingRun.Trigger.TEST
        )
    partial = Entry.objects.count()
    assert partial > 0
    # a first partial run for an earlier date, then the full run
    run_crediting(as_of=date(2024, 1, 1), chunk_size=25, trigger=CreditingRun.Trigger.TEST)
    run_crediting(as_of=as_of, chunk_size=25, trigger=CreditingRun.Trigger.TEST)
    duplicates = Entry.objects.values("account", "credit_year").annotate(n=Count("id")).filter(n__gt=1)
    assert not duplicates.exists()
    assert {p.pk: credits_of(p) for p in persons} == {p.pk: expected_credits(p, as_of) for p in persons}


def test_catch_up_credits_missing_years_in_order():
    person = make_person()
    add_mandate(person, "regional", date(2021, 7, 2))
    run_crediting(as_of=date(2021, 7, 22), trigger=CreditingRun.Trigger.TEST)
    assert credits_of(person) == []
    run_crediting(as_of=date(2023, 7, 4), trigger=CreditingRun.Trigger.TEST)
    assert [c[0] for c in credits_of(person)] == [date(2021, 7, 23), date(2022, 7, 5)]
    run_crediting(as_of=date(2023, 7, 5), trigger=CreditingRun.Trigger.TEST)
    assert credits_of(person)[-1] == (date(2023, 7, 5), D("100.00"), D("800.00"))
    assert RightsAccount.objects.get(person=person).last_credit_date == date(2023, 7, 5)


def test_command_credit_rights(capsys):
    person = make_person()
    add_mandate(person, "municipal", date(2026, 3, 15))
    call_command("credit_rights", "--as-of", "2026-04-01")
    out = capsys.readouterr().out
    assert "Alimentation au 01/04/2026 : 1 compte(s) ouvert(s), 1 crédit(s) pour 400,00" in out
    call_command("credit_rights", "--as-of", "2026-04-01")
    assert "0 crédit(s)" in capsys.readouterr().out
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="date invalide"):
        call_command("credit_rights", "--as-of", "01/04/2026")


def test_command_line_bad_date_is_a_clear_french_error_not_a_traceback():
    import subprocess
    import sys

    from django.conf import settings

    done = subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "credit_rights", "--as-of", "2026-13-01"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "argument --as-of: date invalide : '2026-13-01' (format attendu AAAA-MM-JJ)." in done.stderr


def test_periodic_task_is_registered_daily():
    from procrastinate.contrib.django import app

    from dife.rights import tasks

    periodic = [p for p in app.periodic_registry.periodic_tasks.values() if p.task is tasks.credit_daily]
    assert periodic and periodic[0].cron == "15 3 * * *"
    person = make_person()
    add_mandate(person, "municipal", date(2026, 3, 15))
    # the task body, called directly with the schedule's timestamp (2026-04-01 03:15 Paris)
    assert tasks.credit_daily.func(1775006100) == 1
    assert CreditingRun.objects.get().trigger == "task"
