import pytest

from tests.accounts.fixtures import communes as make_communes


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def communes(db):
    return make_communes()
