"""Migrations that rename stored enum values (decision 0009: enum values are English snake_case)."""

from __future__ import annotations

import re

from django.db import migrations

NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
VALUE = re.compile(r"^[a-z0-9_.]+$")


def _update(table: str, column: str, pairs, trigger: str) -> str:
    pairs = list(pairs)
    # Names and values are constants of our migrations; checked anyway since they are written into SQL.
    names_ok = all(NAME.match(word) for word in [table, column, trigger or "_"])
    if not names_ok or not all(VALUE.match(v) for pair in pairs for v in pair):
        raise ValueError("rename_values takes snake_case names and values only")
    whens = " ".join(f"WHEN '{old}' THEN '{new}'" for old, new in pairs)
    update = f"UPDATE {table} SET {column} = CASE {column} {whens} ELSE {column} END;"  # noqa: S608
    if not trigger:
        return update
    # An append-only table: its guard trigger is off for this statement only, inside the migration.
    disable, enable = (f"ALTER TABLE {table} {verb} TRIGGER {trigger};" for verb in ("DISABLE", "ENABLE"))
    return f"{disable} {update} {enable}"


def rename_values(
    table: str, column: str, mapping: dict[str, str], *, trigger: str = ""
) -> migrations.RunSQL:
    """``UPDATE table SET column = CASE …`` from the old values to the new ones, and back when reversed."""
    forward = _update(table, column, mapping.items(), trigger)
    backward = _update(table, column, ((new, old) for old, new in mapping.items()), trigger)
    return migrations.RunSQL(forward, backward)
