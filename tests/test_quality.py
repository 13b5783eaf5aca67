"""Quality gates run with the suite (CI runs `make test` only): migrations, lint, format, templates."""

import subprocess
import sys
from pathlib import Path

import pytest

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


def test_service_boundaries_pass_mypy():
    """Services, selectors and the API are type-checked (``[tool.mypy]`` in pyproject.toml)."""
    pytest.importorskip("mypy", reason="mypy is not installed: `make install` installs it (dev dependencies)")
    result = run("-m", "mypy")
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
