"""Production settings refuse to start without their required variables, and name the missing one."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROD_ENV = {
    "SECRET_KEY": "x" * 50,
    "NIR_ENCRYPTION_KEY": "Zm9yLXRlc3RzLW9ubHktMzItYnl0ZXMta2V5LTAwMDA=",
    "NIR_HASH_KEY": "h" * 40,
    "ALLOWED_HOSTS": "dife.example.fr",
    "DATABASE_URL": "postgresql://dife@127.0.0.1:5432/dife",
    "EMAIL_HOST": "smtp.example.fr",
    "DEFAULT_FROM_EMAIL": "ne-pas-repondre@dife.example.fr",
    "TRUSTED_PROXY_COUNT": "1",
    "ADMIN_URL": "administration-7f3a/",
}

CODE = (
    "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings.prod'; django.setup();"
    "from django.conf import settings as s;"
    "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.DEBUG)"
)


def run_with(env: dict) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in PROD_ENV and k != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(
        [sys.executable, "-c", CODE],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_prod_settings_start_with_every_variable_and_are_secure():
    result = run_with(PROD_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "31536000", "False"]


def test_each_missing_variable_stops_the_start_and_is_named():
    for name in PROD_ENV:
        env = {k: v for k, v in PROD_ENV.items() if k != name}
        result = run_with(env)
        assert result.returncode != 0
        assert f"La variable d'environnement {name} est obligatoire" in result.stderr


def test_emailed_links_use_the_first_allowed_host_unless_site_url_is_set():
    code = CODE.replace(
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.DEBUG)",
        "print(s.SITE_URL)",
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k not in ("SITE_URL", "DJANGO_SETTINGS_MODULE")},
            **PROD_ENV,
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip() == "https://dife.example.fr", result.stderr


def test_trusted_proxy_count_must_be_a_whole_number():
    for value in ("un", "-1"):
        result = run_with({**PROD_ENV, "TRUSTED_PROXY_COUNT": value})
        assert result.returncode != 0 and "TRUSTED_PROXY_COUNT" in result.stderr
    code = CODE.replace(
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.DEBUG)",
        "print(s.TRUSTED_PROXY_COUNT)",
    )
    base = {k: v for k, v in os.environ.items() if k not in PROD_ENV and k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**base, **PROD_ENV, "TRUSTED_PROXY_COUNT": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip() == "0", result.stderr


def test_the_administration_is_never_at_the_default_path():
    for value in ("admin/", "/admin", "/"):
        result = run_with({**PROD_ENV, "ADMIN_URL": value})
        assert result.returncode != 0 and "ADMIN_URL" in result.stderr
