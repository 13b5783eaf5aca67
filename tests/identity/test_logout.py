"""Logout through the provider: id_token_hint, post_logout_redirect_uri and a checked state."""

from __future__ import annotations

import html
import re
from html import escape
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from dife.audit.models import Event
from dife.identity.stepup import ID_TOKEN_KEY
from tests.identity.conftest import franceconnect_round_trip, make_elu, make_linked_elu, path_of, text

pytestmark = pytest.mark.django_db


def _signed_in_with_franceconnect(client, provider):
    make_linked_elu("angele")
    assert franceconnect_round_trip(client, provider, identity="angele").status_code == 302
    return client.session[ID_TOKEN_KEY]


def test_logout_ends_the_provider_session_and_checks_the_state(client, fake_franceconnect):
    id_token = _signed_in_with_franceconnect(client, fake_franceconnect)
    response = client.post("/franceconnect/deconnexion")
    # A page that goes on to the provider by itself (meta refresh) and offers a link: the CSP of our
    # pages (form-action 'self') forbids a form submission redirected to another site.
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    end_session = html.unescape(re.search(r'content="0;url=([^"]+)"', response.content.decode()).group(1))
    assert f'href="{escape(end_session)}"' in response.content.decode()
    assert end_session.startswith(fake_franceconnect.issuer + "/session/end?")
    params = {k: v[0] for k, v in parse_qs(urlsplit(end_session).query).items()}
    assert params["id_token_hint"] == id_token
    assert params["post_logout_redirect_uri"] == "http://testserver/franceconnect/deconnexion"
    assert len(params["state"]) >= 32

    back = httpx.get(end_session, follow_redirects=False)  # the provider ends its session
    assert back.status_code == 302
    response = client.get(path_of(back.headers["location"]))
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert Event.objects.filter(action="accounts.session.signed_out", data__franceconnect=True).exists()

    # The hint is spent at the provider: a replay is refused there.
    assert httpx.get(end_session, follow_redirects=False).status_code == 400


def test_a_wrong_state_on_return_is_reported(client, fake_franceconnect):
    _signed_in_with_franceconnect(client, fake_franceconnect)
    client.post("/franceconnect/deconnexion")
    response = client.get("/franceconnect/deconnexion", {"state": "x" * 43})
    assert response.status_code == 400
    assert "n'a pas pu être vérifié" in text(response)
    assert Event.objects.filter(
        action="identity.franceconnect.failed", data__detail="logout state mismatch"
    ).exists()


def test_a_password_session_signs_out_locally(client, fake_franceconnect):
    client.force_login(make_elu("helene"))
    response = client.post("/franceconnect/deconnexion")
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session
