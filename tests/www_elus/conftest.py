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
    (e-mails, file deletions) runs, as in production where every service commits."""

    class CommittingClient(Client):
        def request(self, **request):
            with django_capture_on_commit_callbacks(execute=True):
                return super().request(**request)

    return CommittingClient()
