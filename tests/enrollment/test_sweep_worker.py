"""The sweep as the procrastinate worker runs it: deferred like the periodic deferrer does (with the
schedule's timestamp), picked up by a real worker (``manage.py procrastinate worker --one-shot``)."""

from __future__ import annotations

import gc
import threading

import pytest
from django.core.management import call_command

from dife.enrollment import tasks
from dife.enrollment.models import Dossier
from tests.enrollment.test_sweep import LATER, overdue_set


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_the_deferred_sweep(session, of_user):
    made, fresh = overdue_set(session, of_user, requests=2, proposals=1)
    job_id = tasks.sweep.defer(timestamp=int(LATER.timestamp()))
    # The worker runs its own asyncio loop: start it in a fresh thread, since a session-wide
    # Playwright browser (e2e tests) may already own a running loop in the main thread.
    errors: list[BaseException] = []

    def run_worker():
        try:
            call_command("procrastinate", "worker", "--one-shot", "--queues", "default")
        except BaseException as exc:  # reported below, in the test's own thread
            errors.append(exc)

    worker = threading.Thread(target=run_worker)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive() and errors == []
    gc.collect()  # the worker thread's database connection, so the test database can be dropped
    states = dict(Dossier.objects.values_list("pk", "state"))
    assert [states[d.pk] for d in made] == ["expired_of", "expired_of", "expired_elu"]
    assert states[fresh.pk] == "submitted"
    from procrastinate.contrib.django.models import ProcrastinateJob

    assert ProcrastinateJob.objects.get(pk=job_id).status == "succeeded"
