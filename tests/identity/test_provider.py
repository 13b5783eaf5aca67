"""The local fake FranceConnect+ itself, spoken to over HTTP as FranceConnect would be."""

from __future__ import annotations

import secrets
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from devtools.idp import identities
from devtools.idp.testing import CLIENT_ID, CLIENT_SECRET

REDIRECT = "http://testserver/franceconnect/callback"


def authorize_params(**changes) -> dict:
    params = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT,
        "scope": "openid given_name",
        "state": secrets.token_urlsafe(32),
        "nonce": secrets.token_urlsafe(32),
        "acr_values": "eidas2",
    }
    return {**params, **changes}


def test_discovery_describes_franceconnect_plus(franceconnect_server):
    data = httpx.get(franceconnect_server.issuer + "/.well-known/openid-configuration").json()
    assert data["issuer"] == franceconnect_server.issuer
    assert data["token_endpoint_auth_methods_supported"] == ["client_secret_post"]
    assert {"ES256", "RS256"} <= set(data["id_token_signing_alg_values_supported"])
    assert {"RSA-OAEP-256", "ECDH-ES"} <= set(data["id_token_encryption_alg_values_supported"])
    assert data["id_token_encryption_enc_values_supported"] == ["A256GCM"]
    assert data["end_session_endpoint"].endswith("/session/end")
    keys = httpx.get(data["jwks_uri"]).json()["keys"]
    assert {k["alg"] for k in keys} == {"ES256", "RS256"}
    assert all("d" not in k for k in keys)


def test_the_authorize_page_lists_the_fictional_identities(franceconnect_server):
    page = httpx.get(franceconnect_server.issuer + "/authorize", params=authorize_params())
    assert page.status_code == 200
    for identity in identities.IDENTITIES:
        assert identity["family_name"] in page.text
    assert "Refuser (access_denied)" in page.text


def test_unknown_redirect_uri_is_not_followed(franceconnect_server):
    page = httpx.get(
        franceconnect_server.issuer + "/authorize",
        params=authorize_params(redirect_uri="https://ailleurs.example/cb"),
    )
    assert page.status_code == 400


@pytest.mark.parametrize("changes", [{"state": "court"}, {"nonce": "court"}, {"acr_values": "eidas1"}])
def test_franceconnect_plus_requirements_are_enforced(franceconnect_server, changes):
    params = authorize_params(**changes)
    response = httpx.get(franceconnect_server.issuer + "/authorize", params=params, follow_redirects=False)
    assert response.status_code == 302
    assert parse_qs(urlsplit(response.headers["location"]).query)["error"] == ["invalid_request"]


def test_codes_are_single_use_and_need_the_secret(franceconnect_server):
    url = franceconnect_server.issuer + "/authorize?" + urlencode(authorize_params())
    code = parse_qs(urlsplit(franceconnect_server.authorize(url)).query)["code"][0]
    token_url = franceconnect_server.issuer + "/token"
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": REDIRECT,
        "client_id": CLIENT_ID,
    }
    assert httpx.post(token_url, data={**form, "client_secret": "faux"}).status_code == 401
    first = httpx.post(token_url, data={**form, "client_secret": CLIENT_SECRET})
    assert first.status_code == 200
    body = first.json()
    assert body["id_token"].count(".") == 4  # a JWE
    assert (
        httpx.post(token_url, data={**form, "client_secret": CLIENT_SECRET}).json()["error"]
        == "invalid_grant"
    )

    userinfo = httpx.get(
        franceconnect_server.issuer + "/userinfo", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert userinfo.headers["content-type"] == "application/jwt"
    assert userinfo.text.count(".") == 4
    assert (
        httpx.get(
            franceconnect_server.issuer + "/userinfo", headers={"Authorization": "Bearer inconnu"}
        ).status_code
        == 401
    )
