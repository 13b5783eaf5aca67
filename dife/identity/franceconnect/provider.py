"""The provider's discovery document and JWKS, fetched over HTTP and cached in this process.

The JWKS is refetched when a token names a ``kid`` it does not hold (the provider rotated its keys);
``clear_cache`` empties both caches (tests, key rotations).
"""

from __future__ import annotations

import threading
import time

from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from dife.identity.franceconnect import transport
from dife.identity.franceconnect.config import Config
from dife.identity.franceconnect.errors import FranceConnectError

METADATA_TTL = 3600.0
JWKS_TTL = 3600.0
REQUIRED_ENDPOINTS = ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri")

_lock = threading.Lock()
_metadata: dict[str, tuple[float, dict]] = {}
_jwks: dict[str, tuple[float, KeySet]] = {}


def clear_cache() -> None:
    with _lock:
        _metadata.clear()
        _jwks.clear()


def metadata(cfg: Config) -> dict:
    with _lock:
        cached = _metadata.get(cfg.issuer)
    if cached and time.monotonic() - cached[0] < METADATA_TTL:
        return cached[1]
    response = transport.request(cfg, "GET", f"{cfg.issuer}/.well-known/openid-configuration")
    if response.status_code != 200:
        raise FranceConnectError("provider", f"discovery answered {response.status_code}")
    data = transport.json_body(response, "discovery")
    if data.get("issuer", "").rstrip("/") != cfg.issuer:
        raise FranceConnectError("token", "discovery issuer differs from the configured issuer")
    missing = [name for name in REQUIRED_ENDPOINTS if not data.get(name)]
    if missing:
        raise FranceConnectError("provider", f"discovery lacks {', '.join(missing)}")
    with _lock:
        _metadata[cfg.issuer] = (time.monotonic(), data)
    return data


def jwks(cfg: Config, *, refresh: bool = False) -> KeySet:
    with _lock:
        cached = _jwks.get(cfg.issuer)
    if cached and not refresh and time.monotonic() - cached[0] < JWKS_TTL:
        return cached[1]
    response = transport.request(cfg, "GET", metadata(cfg)["jwks_uri"])
    if response.status_code != 200:
        raise FranceConnectError("provider", f"jwks answered {response.status_code}")
    try:
        keyset = KeySet.import_key_set(transport.json_body(response, "jwks"))
    except (JoseError, ValueError, KeyError, TypeError) as exc:
        raise FranceConnectError("signature", "provider JWKS cannot be read") from exc
    with _lock:
        _jwks[cfg.issuer] = (time.monotonic(), keyset)
    return keyset
