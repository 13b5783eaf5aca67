"""Set-based loading helpers: temporary staging tables filled by COPY, upserts that count."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection


def raw_cursor():
    """A psycopg cursor on Django's connection (inside Django's current transaction)."""
    connection.ensure_connection()
    return connection.connection.cursor()


def create_staging(cur, name: str, columns: str) -> None:
    """A temporary table dropped at the end of the transaction (recreated when it already exists)."""
    cur.execute(f"DROP TABLE IF EXISTS {name}")
    cur.execute(f"CREATE TEMPORARY TABLE {name} ({columns}) ON COMMIT DROP")


def copy_rows(cur, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> int:
    count = 0
    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def upsert(cur, sql: str, params: Sequence | None = None) -> tuple[int, int]:
    """Run ``INSERT … ON CONFLICT … DO UPDATE … WHERE … IS DISTINCT FROM …``; (inserted, updated).

    The statement must not have a RETURNING clause: ``RETURNING (xmax = 0)`` is added, which is true
    for a row this statement inserted and false for a row it updated; unchanged rows return nothing.
    """
    # ``sql`` is a constant statement of this package, never user input.
    counting = f"WITH changed AS ({sql} RETURNING (xmax = 0) AS inserted) "  # noqa: S608
    counting += "SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM changed"
    cur.execute(counting, params)
    inserted, updated = cur.fetchone()
    return inserted, updated


def execute_count(cur, sql: str, params: Sequence | None = None) -> int:
    cur.execute(sql, params)
    return cur.rowcount


def scalar(cur, sql: str, params: Sequence | None = None):
    cur.execute(sql, params)
    row = cur.fetchone()
    return row[0] if row else None
