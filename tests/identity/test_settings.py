"""Production settings: FranceConnect+ is off unless asked; then every value is required, over https."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PROD_ENV = {
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "dife.example.fr",
    "DATABASE_URL": "postgresql://dife@127.0.0.1:5432/dife",
    "EMAIL_HOST": "smtp.example.fr",
    "DEFAULT_FROM_EMAIL": "ne-pas-repondre@dife.example.fr",
    "TRUSTED_PROXY_COUNT": "1",
    "ADMIN_URL": "administration-7f3a/",
    "NIR_ENCRYPTION_KEY": "YTao0Fs-iM4SA632oGZv4EXhZHo1XKRN-SydeJ4TwKc=",
    "NIR_HASH_KEY": "k" * 40,
}
FC_ENV = {
    "FRANCECONNECT_ENABLED": "1",
    "FRANCECONNECT_ISSUER": "https://auth.franceconnect.gouv.fr/api/v2",
    "FRANCECONNECT_CLIENT_ID": "id",
    "FRANCECONNECT_CLIENT_SECRET": "secret",
    "FRANCECONNECT_PRIVATE_JWKS": '{"keys": []}',
}
# One interpreter imports the production settings once per case (fresh modules, its own environment).
CODE = """
import importlib, json, os, sys
results = []
for env in json.loads(sys.argv[1]):
    for name in [k for k in os.environ if k.startswith("FRANCECONNECT_")]:
        del os.environ[name]
    os.environ.update(env)
    for module in [m for m in sys.modules if m.startswith("config.settings")]:
        del sys.modules[module]
    try:
        c = importlib.import_module("config.settings.prod").FRANCECONNECT
        results.append([c["ENABLED"], c["ISSUER"]])
    except Exception as exc:
        results.append(["error", str(exc)])
print(json.dumps(results))
"""


def run_cases(*cases: dict) -> list:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("FRANCECONNECT_", "DJANGO_SETTINGS"))}
    result = subprocess.run(
        [sys.executable, "-c", CODE, json.dumps(list(cases))],
        cwd=ROOT,
        env={**base, **PROD_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_prod_never_uses_the_local_provider():
    off, on, missing, local = run_cases(
        {},
        FC_ENV,
        {k: v for k, v in FC_ENV.items() if k != "FRANCECONNECT_CLIENT_SECRET"},
        {**FC_ENV, "FRANCECONNECT_ISSUER": "http://127.0.0.1:8090/api/v2"},
    )
    assert off == [False, ""]  # off by default, and not the local default issuer
    assert on == [True, "https://auth.franceconnect.gouv.fr/api/v2"]
    assert missing[0] == "error" and "FRANCECONNECT_CLIENT_SECRET est obligatoire" in missing[1]
    assert local[0] == "error" and "FRANCECONNECT_ISSUER doit être une adresse https://" in local[1]
