"""Pytest fixtures: the local FranceConnect+ on a free port, and the Django settings pointing at it.

In a conftest.py:

    from devtools.idp.testing import fake_franceconnect, franceconnect_server  # noqa: F401

then a test asks for ``fake_franceconnect`` (function scope: settings.FRANCECONNECT points at the
provider, our keys are test keys, the client caches are empty). ``fake_franceconnect.authorize(url)``
does what the provider's page does when the élu picks an identity (or refuses) and returns the
callback URL the browser would be sent to. Browser tests simply click on the provider's page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from joserfc.jwk import ECKey, KeySet, RSAKey

from .provider import Client, FakeFranceConnect
from .server import RunningServer
from .tokens import ClientKeys

CLIENT_ID = "dife-test"
CLIENT_SECRET = "dife-test-secret-0123456789abcdefghijklmnopqrstuvwxyz"


def generate_client_jwks() -> dict:
    """Private JWKS of a test client: RSA-OAEP-256 and ECDH-ES encryption keys."""
    rsa = RSAKey.generate_key(2048, parameters={"use": "enc", "alg": "RSA-OAEP-256"})
    ec = ECKey.generate_key("P-256", parameters={"use": "enc", "alg": "ECDH-ES"})
    return KeySet([rsa, ec]).as_dict(private=True)


class _Dispatch:
    """The server is bound before the provider exists (its issuer needs the port)."""

    app = None

    def __call__(self, environ, start_response):
        return self.app(environ, start_response)


@dataclass
class FakeFranceConnectHarness:
    server: RunningServer
    provider: FakeFranceConnect
    client: Client
    private_jwks: dict
    settings_value: dict = field(default_factory=dict)
    http: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=5, follow_redirects=False))

    @property
    def issuer(self) -> str:
        return self.provider.issuer

    def reset(self) -> None:
        self.client.signing_alg = "ES256"
        self.client.encryption_alg = None
        self.provider.requests.clear()

    def rotate_keys(self) -> None:
        self.provider.keys.rotate()

    def authorize(
        self, authorization_url: str, *, identity: str = "angele", fault: str = "", action: str = "accept"
    ) -> str:
        """Load the provider's page, send its form: the callback URL (code or error) it redirects to."""
        page = self.http.get(authorization_url)
        if page.status_code != 200:
            raise AssertionError(
                f"the provider refused the authorization request: {page.status_code} {page.text}"
            )
        parts = urlsplit(authorization_url)
        form = dict(parse_qsl(parts.query, keep_blank_values=True))
        form.update(identity=identity, fault=fault, action=action)
        endpoint = f"{parts.scheme}://{parts.netloc}{parts.path}"
        response = self.http.post(endpoint, data=form)
        if response.status_code != 302:
            raise AssertionError(f"the provider did not redirect: {response.status_code} {response.text}")
        return response.headers["location"]


def start_provider(private_jwks: dict) -> FakeFranceConnectHarness:
    dispatch = _Dispatch()
    server = RunningServer(dispatch, port=0)
    public = KeySet.import_key_set(private_jwks).as_dict(private=False)
    client = Client(CLIENT_ID, CLIENT_SECRET, ClientKeys(jwks=public))
    provider = FakeFranceConnect(f"http://127.0.0.1:{server.port}/api/v2", [client])
    dispatch.app = provider
    return FakeFranceConnectHarness(
        server=server, provider=provider, client=client, private_jwks=private_jwks
    )


@pytest.fixture(scope="session")
def franceconnect_server():
    import json

    harness = start_provider(generate_client_jwks())
    harness.settings_value = {
        "ENABLED": True,
        "ISSUER": harness.issuer,
        "CLIENT_ID": CLIENT_ID,
        "CLIENT_SECRET": CLIENT_SECRET,
        "PRIVATE_JWKS": json.dumps(harness.private_jwks),
        "TIMEOUT": 5.0,
    }
    yield harness
    harness.http.close()
    harness.server.stop()


@pytest.fixture
def fake_franceconnect(franceconnect_server, settings):
    from dife.identity.franceconnect.provider import clear_cache

    franceconnect_server.reset()
    settings.FRANCECONNECT = dict(franceconnect_server.settings_value)
    clear_cache()
    yield franceconnect_server
    clear_cache()
