"""The three exchanges with the provider: authorization URL, code for tokens, userinfo; and logout."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from dife.identity.franceconnect import provider, tokens, transport
from dife.identity.franceconnect.config import ACR_VALUES, SCOPE, Config
from dife.identity.franceconnect.errors import FranceConnectError


@dataclass(frozen=True)
class Authentication:
    """What a completed exchange gives: the verified ID token claims, userinfo claims and raw ID token."""

    id_token: str
    id_claims: dict
    userinfo: dict

    @property
    def sub(self) -> str:
        return self.id_claims["sub"]

    @property
    def acr(self) -> str:
        return self.id_claims["acr"]


def authorization_url(cfg: Config, *, state: str, nonce: str, redirect_uri: str) -> str:
    params = {
        "response_type": "code",
        "client_id": cfg.client_id,
        "redirect_uri": redirect_uri,
        "scope": SCOPE,
        "state": state,
        "nonce": nonce,
        "acr_values": ACR_VALUES,
        "prompt": "login consent",
    }
    return f"{provider.metadata(cfg)['authorization_endpoint']}?{urlencode(params)}"


def authenticate(cfg: Config, *, code: str, redirect_uri: str, nonce: str) -> Authentication:
    """Exchange the code (client_secret_post), verify the ID token, then read and verify userinfo."""
    endpoints = provider.metadata(cfg)
    response = transport.request(
        cfg,
        "POST",
        endpoints["token_endpoint"],
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "client_id": cfg.client_id,
            "client_secret": cfg.client_secret,
        },
    )
    body = transport.json_body(response, "token")
    if response.status_code != 200:
        raise FranceConnectError(
            "provider", f"token endpoint: {response.status_code} {body.get('error', '')}"
        )
    id_token, access_token = body.get("id_token"), body.get("access_token")
    if not isinstance(id_token, str) or not isinstance(access_token, str):
        raise FranceConnectError("provider", "token response lacks id_token or access_token")
    id_claims = tokens.read(cfg, id_token)
    tokens.check_id_token(cfg, id_claims, nonce=nonce)
    userinfo = fetch_userinfo(cfg, access_token=access_token, sub=id_claims["sub"])
    return Authentication(id_token=id_token, id_claims=id_claims, userinfo=userinfo)


def fetch_userinfo(cfg: Config, *, access_token: str, sub: str) -> dict:
    response = transport.request(
        cfg,
        "GET",
        provider.metadata(cfg)["userinfo_endpoint"],
        headers={"Authorization": f"Bearer {access_token}", "Accept": "application/jwt"},
    )
    if response.status_code != 200:
        raise FranceConnectError("provider", f"userinfo endpoint: {response.status_code}")
    content_type = response.headers.get("content-type", "").split(";")[0].strip()
    if content_type != "application/jwt":
        raise FranceConnectError("userinfo", f"userinfo is {content_type or 'untyped'}, not a signed JWT")
    claims = tokens.read(cfg, response.text)
    tokens.check_userinfo(cfg, claims, sub=sub)
    return claims


def logout_url(cfg: Config, *, id_token: str, state: str, post_logout_redirect_uri: str) -> str | None:
    endpoint = provider.metadata(cfg).get("end_session_endpoint")
    if not endpoint:
        return None
    params = {"id_token_hint": id_token, "state": state, "post_logout_redirect_uri": post_logout_redirect_uri}
    return f"{endpoint}?{urlencode(params)}"
