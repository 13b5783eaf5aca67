"""Quality gates run with the suite (CI runs `make test` only): migrations, lint, format, templates."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_models_and_migrations_agree():
    result = run("manage.py", "makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing():
    result = run("-m", "ruff", "check", "--quiet", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted_with_ruff():
    result = run("-m", "ruff", "format", "--check", "--quiet", ".")
    assert result.returncode == 0, "Lancez `make format`.\n" + result.stdout + result.stderr


def test_templates_pass_djlint():
    result = run("-m", "djlint", "--lint", "templates", "dife")
    assert result.returncode == 0, result.stdout[-3000:]
