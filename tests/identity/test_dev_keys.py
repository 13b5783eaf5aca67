"""On a fresh checkout, our FranceConnect+ decryption keys need no manual step: the first use creates
``.local/franceconnect-dev-jwks.json`` (private, 0600) and every later use keeps the same keys."""

from __future__ import annotations

import json
import stat
from concurrent.futures import ThreadPoolExecutor

from dife.identity.franceconnect import keys


def test_dev_keys_file_is_created_on_first_use_and_kept(client, settings, tmp_path):
    settings.LOCAL_DIR = tmp_path / "fresh-checkout" / ".local"  # does not exist yet
    settings.FRANCECONNECT = {**settings.FRANCECONNECT, "PRIVATE_JWKS": ""}
    path = settings.LOCAL_DIR / keys.DEV_FILE_NAME
    assert not path.exists()

    response = client.get("/franceconnect/jwks")

    assert response.status_code == 200
    assert path.exists() and stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = json.loads(path.read_text())
    assert all("d" in key for key in stored["keys"])  # private parts kept locally…
    published = response.json()["keys"]
    assert {key["kty"] for key in published} == {"RSA", "EC"}
    assert all("d" not in key for key in published)  # …and never published
    assert [key["kid"] for key in published] == [key["kid"] for key in stored["keys"]]
    assert client.get("/franceconnect/jwks").json() == response.json()  # same keys next time
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".fc-jwks-")]  # no temp left


def test_concurrent_first_uses_agree_on_one_key_set(settings, tmp_path):
    settings.LOCAL_DIR = tmp_path / ".local"
    settings.FRANCECONNECT = {**settings.FRANCECONNECT, "PRIVATE_JWKS": ""}
    with ThreadPoolExecutor(max_workers=8) as pool:
        texts = set(pool.map(lambda _: keys._dev_jwks_text(), range(16)))
    assert len(texts) == 1
    assert texts == {(settings.LOCAL_DIR / keys.DEV_FILE_NAME).read_text()}
