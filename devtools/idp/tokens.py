"""JOSE side of the fake provider: its signing keys, and signed-then-encrypted JWTs for a client."""

from __future__ import annotations

import json
import threading
import time
import urllib.request

from joserfc import jwe, jwt
from joserfc.jwk import ECKey, JWKRegistry, KeySet, RSAKey

ENCRYPTION_ENC = "A256GCM"
DEFAULT_ENCRYPTION_ALG = {"RSA": "RSA-OAEP-256", "EC": "ECDH-ES"}


def _signing_key(alg: str):
    if alg == "ES256":
        key = ECKey.generate_key("P-256", parameters={"use": "sig", "alg": "ES256"})
    else:
        key = RSAKey.generate_key(2048, parameters={"use": "sig", "alg": "RS256"})
    key.ensure_kid()
    return key


class SigningKeys:
    """The provider's published keys (one ES256, one RS256) and a rogue key nobody publishes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.rogue = _signing_key("ES256")
        self.rotate()

    def rotate(self) -> None:
        """New keys with new ``kid``s; the old ones disappear from the JWKS (as after a key rotation)."""
        with self._lock:
            self.current = {"ES256": _signing_key("ES256"), "RS256": _signing_key("RS256")}

    def public_jwks(self) -> dict:
        return KeySet(list(self.current.values())).as_dict(private=False)

    def sign(self, claims: dict, *, alg: str = "ES256", rogue: bool = False, forged: bool = False) -> str:
        """``rogue``: signed by an unpublished key with its own kid; ``forged``: unpublished key, real kid."""
        key = self.current[alg]
        if rogue:
            return jwt.encode({"alg": "ES256", "kid": self.rogue.kid}, claims, self.rogue)
        if forged:
            kid = self.current["ES256"].kid
            return jwt.encode({"alg": "ES256", "kid": kid}, claims, self.rogue)
        return jwt.encode({"alg": alg, "kid": key.kid}, claims, key)


class ClientKeys:
    """A client's public encryption keys, given in its configuration or fetched from its JWKS URL."""

    def __init__(self, *, jwks: dict | None = None, jwks_uri: str | None = None, ttl: float = 60.0):
        self.jwks = jwks
        self.jwks_uri = jwks_uri
        self.ttl = ttl
        self._fetched: tuple[float, dict] | None = None

    def keyset(self) -> dict:
        if self.jwks is not None:
            return self.jwks
        if not self.jwks_uri:
            raise LookupError("no client keys configured")
        if self._fetched and time.monotonic() - self._fetched[0] < self.ttl:
            return self._fetched[1]
        with urllib.request.urlopen(self.jwks_uri, timeout=5) as response:  # noqa: S310 (http on loopback)
            data = json.loads(response.read())
        self._fetched = (time.monotonic(), data)
        return data

    def encryption_key(self, preferred_alg: str | None = None):
        candidates = []
        for data in self.keyset().get("keys", []):
            if data.get("use", "enc") != "enc" or data.get("kty") not in DEFAULT_ENCRYPTION_ALG:
                continue
            alg = data.get("alg") or DEFAULT_ENCRYPTION_ALG[data["kty"]]
            candidates.append((alg, data))
        if preferred_alg:
            candidates.sort(key=lambda item: item[0] != preferred_alg)
        if not candidates:
            raise LookupError("the client publishes no encryption key")
        alg, data = candidates[0]
        return alg, JWKRegistry.import_key(data)


def encrypt(signed_jwt: str, client_keys: ClientKeys, preferred_alg: str | None = None) -> str:
    alg, key = client_keys.encryption_key(preferred_alg)
    header = {"alg": alg, "enc": ENCRYPTION_ENC, "cty": "JWT"}
    if key.kid:
        header["kid"] = key.kid
    return jwe.encrypt_compact(header, signed_jwt, key, algorithms=[alg, ENCRYPTION_ENC])
