"""Production settings never bring the local FranceConnect+ in: `make run`'s launcher does not start
it, `load_demo` loads nothing (no fictional élus of the fake provider in the real register) and the
devtools app is not installed.
Uploaded documents never sit in a folder of static files."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.identity.test_settings import FC_ENV, PROD_ENV, ROOT


def _env(extra: dict) -> dict:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("FRANCECONNECT_", "DJANGO_SETTINGS"))}
    return {**base, **PROD_ENV, **extra, "DJANGO_SETTINGS_MODULE": "config.settings.prod"}


def test_the_launcher_does_not_start_the_local_provider_under_prod_settings():
    for extra in ({}, FC_ENV):
        check = subprocess.run(
            [sys.executable, "-m", "devtools.idp", "--check"], cwd=ROOT, env=_env(extra), capture_output=True
        )
        assert check.returncode == 1, check.stderr


def test_load_demo_loads_nothing_under_prod_settings():
    code = "from django.conf import settings; print(repr(settings.DEMO_LOADERS))"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=_env({}),
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[]"


def test_prod_settings_install_no_devtools():
    """The demo commands (load_demo, generate_catalog) are a devtools app: not installed, not imported."""
    code = (
        "import sys; from django.conf import settings; "
        "print('devtools' in settings.INSTALLED_APPS, "
        "any(m.split('.')[0] == 'devtools' for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=_env({}),
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False False"


def test_uploads_can_never_sit_in_a_static_folder(tmp_path):
    inside = str(ROOT / ".local" / "staticfiles" / "media")
    for media_root, ok in ((str(tmp_path / "media"), True), (inside, False), (str(ROOT / "static"), False)):
        result = subprocess.run(
            [sys.executable, "-c", "import config.settings.prod"],
            cwd=ROOT,
            env=_env({"MEDIA_ROOT": media_root}),
            capture_output=True,
            text=True,
        )
        assert (result.returncode == 0) is ok, result.stderr
        if not ok:
            assert "MEDIA_ROOT ne doit pas être dans un dossier de fichiers statiques" in result.stderr
