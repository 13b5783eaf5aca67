"""Each staff space opens only to its own kind, after TOTP; others get a 404."""

import pytest
from django.urls import Resolver404, resolve

from dife.accounts.models import User
from tests.organisations.fixtures import verify_session

SPACES = {"gestion": "/gestion/", "of": "/of/", "collectivite": "/collectivite/"}
QUEUES = ["/gestion/verifications-identite/", "/gestion/rattachements/"]
GESTION_PAGES = [
    "/gestion/",
    "/gestion/inviter",
    "/gestion/inviter/organisme",
    "/gestion/inviter/collectivite",
]


def _resolves(path: str) -> bool:
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


@pytest.mark.parametrize("path", [*SPACES.values(), "/of/inviter", "/gestion/inviter"])
def test_anonymous_visitors_go_to_the_staff_sign_in(client, db, path):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"] == f"/pro/connexion?next={path}"


def test_of_user_gets_404_on_gestionnaire_pages_and_queues(client, of_admin, gestionnaire):
    verify_session(client, of_admin)
    for path in GESTION_PAGES + QUEUES:
        assert client.get(path).status_code == 404, path
    assert client.get("/collectivite/").status_code == 404
    # The 404 comes from the permission: the same pages open for a gestionnaire.
    verify_session(client, gestionnaire)
    for path in GESTION_PAGES + [q for q in QUEUES if _resolves(q)]:
        assert client.get(path).status_code == 200, path


def test_collectivite_agent_gets_404_outside_its_space(client, collectivite_agent):
    verify_session(client, collectivite_agent)
    assert client.get("/collectivite/").status_code == 200
    for path in ["/of/", "/of/inviter", *GESTION_PAGES, *QUEUES]:
        assert client.get(path).status_code == 404, path


def test_gestionnaire_gets_404_on_the_of_and_collectivite_spaces(client, gestionnaire):
    verify_session(client, gestionnaire)
    for path in ["/of/", "/collectivite/", "/of/inviter", "/collectivite/inviter"]:
        assert client.get(path).status_code == 404, path


def test_elu_gets_404_on_every_staff_space(client, elu):
    client.force_login(elu)
    for path in [*SPACES.values(), *QUEUES, "/of/inviter", "/gestion/inviter"]:
        assert client.get(path).status_code == 404, path
    # and the TOTP step is not for élus either
    assert client.get("/pro/double-authentification").status_code == 404


@pytest.mark.parametrize("fixture", ["gestionnaire", "of_admin", "collectivite_agent"])
def test_staff_without_totp_is_sent_to_the_code_step_not_a_404(request, client, fixture):
    user: User = request.getfixturevalue(fixture)
    client.force_login(user)  # password done, no TOTP in this session
    space = {"gestionnaire": "/gestion/", "organisme": "/of/", "collectivite": "/collectivite/"}[user.kind]
    response = client.get(space)
    assert response.status_code == 302
    assert response["Location"] == f"/pro/double-authentification?next={space}"
    # Another kind's space is still a 404, verified or not.
    other = "/of/" if user.kind != "organisme" else "/gestion/"
    assert client.get(other).status_code == 404


def test_agent_cannot_open_the_invite_page(client, of_agent):
    verify_session(client, of_agent)
    assert client.get("/of/inviter").status_code == 404
    assert client.post("/of/inviter", {"email": "x@y.test", "role": "agent"}).status_code == 404
