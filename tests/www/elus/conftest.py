import pytest
from django.test import Client

from tests.accounts.fixtures import communes as make_communes


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def communes(db):
    return make_communes()


@pytest.fixture
def client(django_capture_on_commit_callbacks):
    """The test client, where each request ends like a committed transaction: the on_commit work
    (e-mails, file deletions) runs, as in production where every service commits; then the queued
    account e-mail jobs run, as a worker would."""

    class CommittingClient(Client):
        def request(self, **request):
            with django_capture_on_commit_callbacks(execute=True):
                response = super().request(**request)
            run_account_jobs()  # what the worker does just after, off the request path
            return response

    return CommittingClient()


def run_account_jobs() -> int:
    """Run the queued ``accounts.send_account_email`` jobs, then send the outbox where they queued their
    e-mails, as procrastinate workers would."""
    from procrastinate.contrib.django.models import ProcrastinateJob

    from dife.accounts.tasks import send_account_email
    from dife.notifications.services import send_pending

    todo = ProcrastinateJob.objects.filter(task_name=send_account_email.name, status="todo")
    jobs = list(todo.order_by("id"))
    for job in jobs:
        send_account_email(**job.args)
        ProcrastinateJob.objects.filter(pk=job.pk).update(status="succeeded")
    if jobs:
        send_pending()
    return len(jobs)
