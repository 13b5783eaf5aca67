"""HTTP calls to the provider: httpx with the configured timeout; failures become FranceConnectError.

One client per process (connection pool, TLS context built once: building it costs ~40 ms).
"""

from __future__ import annotations

import threading

import httpx

from dife.identity.franceconnect.config import Config
from dife.identity.franceconnect.errors import FranceConnectError

_lock = threading.Lock()
_client: httpx.Client | None = None


def _shared_client() -> httpx.Client:
    global _client
    with _lock:
        if _client is None:
            _client = httpx.Client(follow_redirects=False)
        return _client


def request(cfg: Config, method: str, url: str, **kwargs) -> httpx.Response:
    try:
        return _shared_client().request(method, url, timeout=cfg.timeout, **kwargs)
    except httpx.TimeoutException as exc:
        raise FranceConnectError("unavailable", f"timeout on {method} {url}") from exc
    except httpx.HTTPError as exc:
        raise FranceConnectError("unavailable", f"{type(exc).__name__} on {method} {url}") from exc


def json_body(response: httpx.Response, what: str) -> dict:
    try:
        data = response.json()
    except ValueError as exc:
        raise FranceConnectError("provider", f"{what}: body is not JSON") from exc
    if not isinstance(data, dict):
        raise FranceConnectError("provider", f"{what}: body is not a JSON object")
    return data
