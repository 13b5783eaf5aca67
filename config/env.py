"""Environment parsing that fails loudly: a missing required variable stops the start and names it."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured


def required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"La variable d'environnement {name} est obligatoire en production et n'est pas définie."
        )
    return value


def optional(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def boolean(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on", "oui"}:
        return True
    if value in {"0", "false", "no", "off", "non"}:
        return False
    raise ImproperlyConfigured(f"La variable {name} doit valoir 1/0, true/false : reçu {raw!r}.")


def integer(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"La variable {name} doit être un entier : reçu {raw!r}.") from exc


def required_integer(name: str, minimum: int = 0) -> int:
    value = required(name)
    try:
        number = int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"La variable {name} doit être un entier : reçu {value!r}.") from exc
    if number < minimum:
        raise ImproperlyConfigured(f"La variable {name} doit valoir au moins {minimum} : reçu {number}.")
    return number


def csv_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]
