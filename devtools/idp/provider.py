"""A real OpenID Connect provider reproducing what FranceConnect v2 / FranceConnect+ sends.

Discovery, authorize (a page to pick a fictional identity, or refuse), token (client_secret_post; the
ID token is signed ES256 or RS256 then encrypted to the client: JWE RSA-OAEP-256 or ECDH-ES + A256GCM),
userinfo (a signed and encrypted JWT, ``application/jwt``), JWKS and session end. A ``fault`` chosen on
the authorize page (or posted by a test) makes one answer wrong in a precise way: see ``pages.FAULTS``.
Development and tests only: the production settings never point at it.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections import Counter
from dataclasses import dataclass
from hmac import compare_digest
from urllib.parse import parse_qsl, urlencode, urlsplit

from . import identities, pages
from .tokens import ClientKeys, SigningKeys, encrypt

ACR_LEVELS = ("eidas1", "eidas2", "eidas3")
CODE_TTL = 60
TOKEN_TTL = 60
SLOW_TOKEN_SECONDS = 2.0
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "testserver", "[::1]"}


@dataclass
class Client:
    client_id: str
    client_secret: str
    keys: ClientKeys
    redirect_uris: list[str] | None = None  # None: any URI on a loopback host (tests, live servers)
    post_logout_redirect_uris: list[str] | None = None
    signing_alg: str = "ES256"
    encryption_alg: str | None = None  # None: the alg of the client's first encryption key

    def allows(self, uri: str, registered: list[str] | None) -> bool:
        if registered is not None:
            return uri in registered
        parts = urlsplit(uri)
        return parts.scheme in {"http", "https"} and (parts.hostname or "") in LOOPBACK_HOSTS | {"::1"}


class Response(Exception):
    def __init__(
        self,
        status: str,
        body: bytes = b"",
        content_type: str = "text/html; charset=utf-8",
        headers: list[tuple[str, str]] | None = None,
    ):
        super().__init__(status)
        self.status, self.body, self.content_type, self.headers = status, body, content_type, headers or []


def _json(status: str, data: dict, headers=None) -> Response:
    return Response(
        status,
        json.dumps(data).encode(),
        "application/json",
        [("Cache-Control", "no-store"), *(headers or [])],
    )


def _redirect(uri: str, params: dict) -> Response:
    separator = "&" if urlsplit(uri).query else "?"
    return Response("302 Found", headers=[("Location", uri + separator + urlencode(params))])


class FakeFranceConnect:
    def __init__(self, issuer: str, clients: list[Client]):
        self.issuer = issuer.rstrip("/")
        self.base_path = urlsplit(self.issuer).path
        self.clients = {client.client_id: client for client in clients}
        self.keys = SigningKeys()
        self.requests: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._codes: dict[str, dict] = {}
        self._access_tokens: dict[str, dict] = {}
        self._issued_id_tokens: set[str] = set()

    # --- WSGI ----------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        route = path[len(self.base_path) :] if path.startswith(self.base_path) else path
        self.requests[route] += 1
        handler = {
            "/.well-known/openid-configuration": self.discovery,
            "/authorize": self.authorize,
            "/token": self.token,
            "/userinfo": self.userinfo,
            "/jwks": self.jwks,
            "/session/end": self.session_end,
            "/": self.index,
            "": self.index,
        }.get(route)
        try:
            if handler is None:
                raise Response("404 Not Found", pages.error("Page inconnue du fournisseur d'identité."))
            handler(environ)
        except Response as response:
            headers = [("Content-Type", response.content_type), *response.headers]
            start_response(response.status, headers)
            return [response.body]
        raise AssertionError("handlers always raise a Response")

    @staticmethod
    def _params(environ) -> dict[str, str]:
        params = dict(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True))
        if environ.get("REQUEST_METHOD") == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(length).decode() if length else ""
            params.update(parse_qsl(body, keep_blank_values=True))
        return params

    # --- Endpoints -----------------------------------------------------------------------------
    def discovery(self, environ):
        i = self.issuer
        raise _json(
            "200 OK",
            {
                "issuer": i,
                "authorization_endpoint": f"{i}/authorize",
                "token_endpoint": f"{i}/token",
                "userinfo_endpoint": f"{i}/userinfo",
                "end_session_endpoint": f"{i}/session/end",
                "jwks_uri": f"{i}/jwks",
                "scopes_supported": ["openid", *identities.IDENTITY_CLAIMS],
                "claims_supported": ["sub", *identities.IDENTITY_CLAIMS],
                "response_types_supported": ["code"],
                "grant_types_supported": ["authorization_code"],
                "subject_types_supported": ["public"],
                "acr_values_supported": ["eidas2", "eidas3"],
                "prompt_values_supported": ["login", "consent"],
                "token_endpoint_auth_methods_supported": ["client_secret_post"],
                "id_token_signing_alg_values_supported": ["ES256", "RS256"],
                "id_token_encryption_alg_values_supported": ["RSA-OAEP", "RSA-OAEP-256", "ECDH-ES"],
                "id_token_encryption_enc_values_supported": ["A256GCM"],
                "userinfo_signing_alg_values_supported": ["ES256", "RS256"],
                "userinfo_encryption_alg_values_supported": ["RSA-OAEP", "RSA-OAEP-256", "ECDH-ES"],
                "userinfo_encryption_enc_values_supported": ["A256GCM"],
                "request_parameter_supported": False,
            },
        )

    def jwks(self, environ):
        raise _json("200 OK", self.keys.public_jwks())

    def index(self, environ):
        raise Response("200 OK", pages.index(self.issuer))

    def authorize(self, environ):
        params = self._params(environ)
        client = self.clients.get(params.get("client_id", ""))
        redirect_uri = params.get("redirect_uri", "")
        if client is None or not client.allows(redirect_uri, client.redirect_uris):
            # Never redirect to an unverified URI: show the error here (RFC 6749 §4.1.2.1).
            raise Response(
                "400 Bad Request", pages.error("Service inconnu ou adresse de retour non déclarée.")
            )
        state = params.get("state", "")

        def fail(error: str, description: str):
            raise _redirect(redirect_uri, {"error": error, "error_description": description, "state": state})

        if params.get("response_type") != "code":
            fail("unsupported_response_type", "response_type doit valoir code")
        scopes = set(params.get("scope", "").split())
        if "openid" not in scopes:
            fail("invalid_scope", "le scope openid est obligatoire")
        if len(state) < 32 or len(params.get("nonce", "")) < 32:
            fail("invalid_request", "state et nonce doivent faire au moins 32 caractères")
        if not set(params.get("acr_values", "").split()) & {"eidas2", "eidas3"}:
            fail("invalid_request", "FranceConnect+ exige acr_values=eidas2 ou eidas3")
        if environ.get("REQUEST_METHOD") != "POST":
            shown = {k: v for k, v in params.items() if k not in {"identity", "fault", "action"}}
            raise Response("200 OK", pages.authorize(shown, client.client_id, f"{self.base_path}/authorize"))
        if params.get("action") == "deny":
            fail("access_denied", "L'utilisateur a refusé la connexion")
        identity = identities.BY_KEY.get(params.get("identity", ""))
        if identity is None:
            raise Response("400 Bad Request", pages.error("Choisissez une identité."))
        fault = params.get("fault", "")
        code = secrets.token_urlsafe(32)
        with self._lock:
            self._codes[code] = {
                "client_id": client.client_id,
                "redirect_uri": redirect_uri,
                "nonce": params["nonce"],
                "scopes": scopes,
                "identity": identity["key"],
                "fault": fault,
                "expires": time.time() + CODE_TTL,
            }
        if fault == "wrong_state":
            state = secrets.token_urlsafe(32)
        raise _redirect(redirect_uri, {"code": code, "state": state})

    def token(self, environ):
        if environ.get("REQUEST_METHOD") != "POST":
            raise _json("405 Method Not Allowed", {"error": "invalid_request"})
        params = self._params(environ)
        client = self.clients.get(params.get("client_id", ""))
        if client is None or not compare_digest(params.get("client_secret", ""), client.client_secret):
            raise _json("401 Unauthorized", {"error": "invalid_client"})
        if params.get("grant_type") != "authorization_code":
            raise _json("400 Bad Request", {"error": "unsupported_grant_type"})
        with self._lock:
            grant = self._codes.pop(params.get("code", ""), None)  # single use
        if grant is None or grant["expires"] < time.time() or grant["client_id"] != client.client_id:
            raise _json("400 Bad Request", {"error": "invalid_grant", "error_description": "code invalide"})
        if grant["redirect_uri"] != params.get("redirect_uri"):
            raise _json("400 Bad Request", {"error": "invalid_grant", "error_description": "redirect_uri"})
        fault = grant["fault"]
        if fault == "token_error":
            raise _json("400 Bad Request", {"error": "invalid_grant", "error_description": "simulée"})
        if fault == "slow_token":
            time.sleep(SLOW_TOKEN_SECONDS)
        now = int(time.time())
        sub = identities.sub_for(grant["identity"], client.client_id)
        claims = {
            "iss": self.issuer if fault != "wrong_issuer" else "https://faux-emetteur.example",
            "sub": sub,
            "aud": client.client_id if fault != "wrong_audience" else "un-autre-service",
            "exp": now + TOKEN_TTL if fault != "expired" else now - 600,
            "iat": now if fault != "expired" else now - 700,
            "auth_time": now,
            "nonce": grant["nonce"] if fault != "wrong_nonce" else secrets.token_urlsafe(32),
            "acr": "eidas1" if fault == "eidas1" else "eidas2",
            "amr": ["mfa"],
        }
        signed = self.keys.sign(
            claims, alg=client.signing_alg, rogue=fault == "unknown_key", forged=fault == "bad_signature"
        )
        id_token = encrypt(signed, client.keys, client.encryption_alg)
        access_token = secrets.token_urlsafe(32)
        with self._lock:
            self._access_tokens[access_token] = {**grant, "sub": sub, "expires": now + TOKEN_TTL}
            self._issued_id_tokens.update({id_token, signed})
        raise _json(
            "200 OK",
            {
                "access_token": access_token,
                "token_type": "Bearer",
                "expires_in": TOKEN_TTL,
                "id_token": id_token,
                "scope": " ".join(sorted(grant["scopes"])),
            },
        )

    def userinfo(self, environ):
        authorization = environ.get("HTTP_AUTHORIZATION", "")
        token = authorization[7:] if authorization.startswith("Bearer ") else ""
        with self._lock:
            grant = self._access_tokens.get(token)
        if grant is None or grant["expires"] < time.time():
            raise _json(
                "401 Unauthorized",
                {"error": "invalid_token"},
                [("WWW-Authenticate", 'Bearer error="invalid_token"')],
            )
        client = self.clients[grant["client_id"]]
        identity = identities.get(grant["identity"])
        now = int(time.time())
        claims = {
            "sub": grant["sub"] if grant["fault"] != "userinfo_other_sub" else identities.sub_for("x", "y"),
            "iss": self.issuer,
            "aud": client.client_id,
            "iat": now,
            "exp": now + TOKEN_TTL,
            **identities.claims_for(identity, grant["scopes"]),
        }
        if grant["fault"] == "unsigned_userinfo":
            raise _json("200 OK", claims)
        signed = self.keys.sign(claims, alg=client.signing_alg)
        body = encrypt(signed, client.keys, client.encryption_alg)
        raise Response("200 OK", body.encode(), "application/jwt", [("Cache-Control", "no-store")])

    def session_end(self, environ):
        params = self._params(environ)
        hint = params.get("id_token_hint", "")
        uri = params.get("post_logout_redirect_uri", "")
        with self._lock:
            known = hint in self._issued_id_tokens
        client = next((c for c in self.clients.values() if c.allows(uri, c.post_logout_redirect_uris)), None)
        if not known or client is None or not uri:
            raise Response(
                "400 Bad Request",
                pages.error("Déconnexion impossible : id_token_hint ou adresse de retour invalide."),
            )
        with self._lock:
            self._issued_id_tokens.discard(hint)
        raise _redirect(uri, {"state": params.get("state", "")})
