"""Our own keys: FranceConnect+ encrypts the ID token and userinfo to them (JWE).

Production gives them in FRANCECONNECT_PRIVATE_JWKS (JSON ``{"keys": [...]}``, private parts
included). Elsewhere, when the setting is empty, a development key set is generated once and kept in
``.local/franceconnect-dev-jwks.json`` (git-ignored). The public half is served at /franceconnect/jwks.
"""

from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from joserfc.jwk import ECKey, KeySet, RSAKey

from dife.identity.franceconnect import config

DEV_FILE_NAME = "franceconnect-dev-jwks.json"


def generate_private_jwks() -> dict:
    """An RSA-OAEP-256 key and an ECDH-ES (P-256) key, both for encryption, with their thumbprint kid."""
    rsa = RSAKey.generate_key(2048, parameters={"use": "enc", "alg": "RSA-OAEP-256"})
    ec = ECKey.generate_key("P-256", parameters={"use": "enc", "alg": "ECDH-ES"})
    return KeySet([rsa, ec]).as_dict(private=True)


def _dev_file() -> Path:
    return Path(getattr(settings, "LOCAL_DIR", Path(tempfile.gettempdir()))) / DEV_FILE_NAME


def _dev_jwks_text() -> str:
    path = _dev_file()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".fc-jwks-")
        with os.fdopen(fd, "w") as handle:
            json.dump(generate_private_jwks(), handle)
        os.chmod(tmp, 0o600)
        try:  # link() fails if another process (runserver, worker) won the race: keep its keys
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    return path.read_text()


@lru_cache(maxsize=4)
def _parse(text: str) -> KeySet:
    try:
        keyset = KeySet.import_key_set(json.loads(text))
    except (ValueError, TypeError, KeyError) as exc:
        raise ImproperlyConfigured(
            'FRANCECONNECT_PRIVATE_JWKS doit être un JWKS JSON {"keys": [...]} avec les clés privées.'
        ) from exc
    for key in keyset:
        if not key.is_private:
            raise ImproperlyConfigured(
                "FRANCECONNECT_PRIVATE_JWKS doit contenir les parties privées des clés."
            )
    return keyset


def private_keyset() -> KeySet:
    text = config.current().private_jwks or _dev_jwks_text()
    return _parse(text)


def public_jwks() -> dict:
    """What we publish: the public halves of our encryption keys."""
    keys = [key.as_dict(private=False) for key in private_keyset() if key.get("use", "enc") == "enc"]
    return {"keys": keys}
