import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_dev_site_url_follows_the_make_run_address():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "DIFE_ADDRESS": "127.0.0.1:8001"}
    code = "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "http://127.0.0.1:8001"
