"""`make run`: database, migrations, reference data, demo data, web server and worker, until Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "devtools"))
import pg  # noqa: E402

PY = sys.executable
ADDRESS = os.environ.get("DIFE_ADDRESS", "127.0.0.1:8000")
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings.dev"),
}


def manage(*args: str, quiet: bool = False) -> None:
    subprocess.run(
        [PY, "manage.py", *args],
        cwd=ROOT,
        env=ENV,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def step(label: str) -> float:
    print(f"→ {label}", flush=True)
    return time.monotonic()


def main() -> int:
    started = time.monotonic()
    step("Base de données PostgreSQL")
    started_pg = pg.start()  # a cluster that was already running (tests, another shell) is left running
    step("Migrations")
    manage("migrate", "--no-input", quiet=True)
    step("Données de référence (communes, registre des élus) — seulement au premier lancement")
    manage("import_referentiel", "--if-empty")
    step("Données de démonstration")
    manage("load_demo")
    from idp.launcher import command as local_franceconnect  # the fake FranceConnect+, when settings use it

    children = [
        subprocess.Popen([PY, "manage.py", "runserver", ADDRESS, "--noreload"], cwd=ROOT, env=ENV),
        subprocess.Popen([PY, "manage.py", "procrastinate", "worker"], cwd=ROOT, env=ENV),
        *[subprocess.Popen(cmd, cwd=ROOT, env=ENV) for cmd in local_franceconnect(PY, ROOT, ENV)],
    ]
    time.sleep(1.5)
    print(
        "\n"
        + "=" * 72
        + f"\nPlateforme DIFE prête en {time.monotonic() - started:.0f} s : http://{ADDRESS}/\n"
        + demo_accounts_text()
        + "\nCtrl-C pour tout arrêter.\n"
        + "=" * 72,
        flush=True,
    )

    def stop(*_):
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGINT)
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
        if started_pg:
            pg.stop()
        print("Plateforme arrêtée.")
        sys.exit(0)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    while all(child.poll() is None for child in children):
        time.sleep(0.5)
    print("Un processus s'est arrêté de lui-même : arrêt de la plateforme.", file=sys.stderr)
    stop()
    return 1


def demo_accounts_text() -> str:
    out = subprocess.run(
        [PY, "manage.py", "load_demo", "--list"],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.rstrip()


if __name__ == "__main__":
    sys.exit(main())
