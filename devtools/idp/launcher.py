"""For devtools/run.py: the command that starts the local FranceConnect+, when the settings use it."""

from __future__ import annotations

import subprocess
from pathlib import Path


def command(python: str, root: Path, env: dict) -> list[list[str]]:
    """``[[python, -m, devtools.idp, …]]`` when FranceConnect+ is on with a loopback issuer, else ``[]``."""
    check = subprocess.run([python, "-m", "devtools.idp", "--check"], cwd=root, env=env, check=False)
    if check.returncode != 0:
        return []
    return [[python, "-m", "devtools.idp", "--from-django-settings"]]
