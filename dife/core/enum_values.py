"""Migrations that rename stored enum values (decision 0009: enum values are English snake_case)."""

from __future__ import annotations

from django.db import migrations


def _update(table: str, column: str, pairs, trigger: str) -> str:
    whens = " ".join(f"WHEN '{old}' THEN '{new}'" for old, new in pairs)
    update = f"UPDATE {table} SET {column} = CASE {column} {whens} ELSE {column} END;"
    if not trigger:
        return update
    # An append-only table: its guard trigger is off for this statement only, inside the migration.
    return f"ALTER TABLE {table} DISABLE TRIGGER {trigger}; {update} ALTER TABLE {table} ENABLE TRIGGER {trigger};"


def rename_values(
    table: str, column: str, mapping: dict[str, str], *, trigger: str = ""
) -> migrations.RunSQL:
    """``UPDATE table SET column = CASE …`` from the old values to the new ones, and back when reversed."""
    forward = _update(table, column, mapping.items(), trigger)
    backward = _update(table, column, ((new, old) for old, new in mapping.items()), trigger)
    return migrations.RunSQL(forward, backward)
