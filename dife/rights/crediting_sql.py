"""The SQL of the crediting job, built from the same tables and rules as :mod:`dife.rights.crediting_rules`.

The rules are those of the pure functions (the tests compare both on random registers); the tables
(general elections, the 60-day window, the dated annual credit and ceiling, the 2021 date) are read
from Python at run time and passed as VALUES, so that a new election or a new ceiling needs no SQL
change. One statement credits one year for one slice of persons:

1. the anchor of each mandate: third Monday after the opening first round (general election of its
   council within 60 days before the start, else the start);
2. the date each mandate offers in the year (2021 derogation, first year, anniversary, running);
3. per person, the date of the oldest mandate offering one; kept when on or before the run date;
4. accounts not yet credited for the year — ``last_credit_date`` before 1 January of the year;
   credits are written in date order and ``last_credit_date`` moves with each of them, in the same
   transaction — are updated (balance + max(0, min(credit, ceiling − balance))) and one entry per
   account is inserted, in the same statement. The unique (account, credit_year) constraint is the
   database's guarantee of one credit per year.
"""

from __future__ import annotations

from dife.core import parameters
from dife.core.formatting import euros
from dife.mandates.elections import GENERAL_ELECTIONS, OPENING_WINDOW
from dife.rights import crediting_rules as rules


def _values(prefix: str, rows: list[tuple], casts: tuple[str, ...]) -> tuple[str, dict]:
    params = {}
    tuples = []
    for i, row in enumerate(rows):
        names = []
        for j, (value, cast) in enumerate(zip(row, casts, strict=True)):
            params[f"{prefix}_{i}_{j}"] = value
            names.append(f"%({prefix}_{i}_{j})s::{cast}")
        tuples.append("(" + ", ".join(names) + ")")
    return ", ".join(tuples), params


def tables() -> tuple[str, dict]:
    """The CTEs of the rule tables and their (named) parameters."""
    elections = [(council, e.first_round) for e in GENERAL_ELECTIONS for council in e.councils]
    ceilings = [(v.start, v.value, euros(v.value)) for v in parameters.history("dife.ceiling")]
    annuals = [(v.start, v.value) for v in parameters.history("dife.annual_credit")]
    e_sql, e_params = _values("e", elections, ("text", "date"))
    c_sql, c_params = _values("c", ceilings, ("date", "numeric", "text"))
    a_sql, a_params = _values("a", annuals, ("date", "numeric"))
    sql = (
        f"elections(council, first_round) AS (VALUES {e_sql}),\n"
        f"ceilings(start, amount, label) AS (VALUES {c_sql}),\n"
        f"annuals(start, amount) AS (VALUES {a_sql})"
    )
    return sql, {**e_params, **c_params, **a_params}


CREATE_ACCOUNTS = """
INSERT INTO rights_account (person_id, balance, reserved)
SELECT p.id, 0, 0 FROM mandates_person p
WHERE p.id BETWEEN %(lo)s AND %(hi)s
  AND NOT EXISTS (SELECT 1 FROM rights_account a WHERE a.person_id = p.id)
ON CONFLICT (person_id) DO NOTHING
"""

CREDIT_YEAR = """
WITH {tables},
todo AS (
    SELECT a.id AS account_id, a.person_id FROM rights_account a
    WHERE a.person_id BETWEEN %(lo)s AND %(hi)s
      AND (a.last_credit_date IS NULL OR a.last_credit_date < %(year_start)s)
),
opened AS (
    SELECT m.id, m.person_id, m.start_date, COALESCE(m.end_date, m.removed_from_register_on) AS end_date,
           CASE WHEN le.first_round IS NOT NULL AND m.start_date - le.first_round <= %(window)s
                THEN le.first_round ELSE m.start_date END AS first_round
    FROM mandates_mandate m
    JOIN todo ON todo.person_id = m.person_id
    LEFT JOIN LATERAL (
        SELECT e.first_round FROM elections e
        WHERE e.council = m.kind AND e.first_round <= m.start_date
        ORDER BY e.first_round DESC LIMIT 1
    ) le ON true
    -- only mandates running at some point of the year can offer a date in it (a shortcut, same result)
    WHERE m.start_date <= %(year_end)s
      AND COALESCE(m.end_date, m.removed_from_register_on, %(year_start)s) >= %(year_start)s
),
anchored AS (
    SELECT o.*, (o.first_round + (22 - extract(isodow FROM o.first_round)::int)) AS anchor FROM opened o
),
offered AS (
    SELECT x.id, x.person_id, x.start_date, x.end_date,
        CASE
            WHEN %(year)s = extract(year FROM %(first)s::date)::int
                 AND x.start_date <= %(first)s AND (x.end_date IS NULL OR x.end_date >= %(first)s)
                THEN %(first)s::date
            WHEN %(year)s < extract(year FROM x.anchor)::int THEN NULL
            WHEN %(year)s = extract(year FROM x.anchor)::int THEN GREATEST(x.anchor, x.start_date)
            ELSE (x.anchor + make_interval(years => %(year)s - extract(year FROM x.anchor)::int))::date
        END AS day
    FROM anchored x
),
picked AS (
    SELECT DISTINCT ON (o.person_id) o.person_id, o.day FROM offered o
    WHERE o.day IS NOT NULL AND o.day >= %(first)s
      AND o.start_date <= o.day AND (o.end_date IS NULL OR o.day <= o.end_date)
    ORDER BY o.person_id, o.start_date, o.day, o.id
),
due AS (
    SELECT todo.account_id, picked.day, c.amount AS ceiling, c.label AS ceiling_label, n.amount AS annual
    FROM picked JOIN todo ON todo.person_id = picked.person_id
    CROSS JOIN LATERAL (
        SELECT amount, label FROM ceilings WHERE start <= picked.day ORDER BY start DESC LIMIT 1
    ) c
    CROSS JOIN LATERAL (SELECT amount FROM annuals WHERE start <= picked.day ORDER BY start DESC LIMIT 1) n
    WHERE picked.day <= %(as_of)s
),
updated AS (
    UPDATE rights_account a
    SET balance = a.balance + GREATEST(0, LEAST(due.annual, due.ceiling - a.balance)),
        last_credit_date = GREATEST(a.last_credit_date, due.day),
        updated_at = now()
    FROM due WHERE a.id = due.account_id
    RETURNING a.id AS account_id, due.day, due.annual, due.ceiling_label, new.balance - old.balance AS amount,
              new.balance AS balance_after, new.reserved AS reserved_after
),
inserted AS (
    INSERT INTO rights_entry (
        account_id, kind, amount, reserved_change, balance_after, reserved_after, effective_date,
        credit_year, reason, run_id, dossier_reference, idempotency_key
    )
    SELECT u.account_id, 'credit', u.amount, 0, u.balance_after, u.reserved_after, u.day, %(year)s,
        'Alimentation annuelle ' || %(year)s::text || CASE WHEN u.amount < u.annual THEN
            ' (plafond de ' || u.ceiling_label || ' en vigueur le ' || to_char(u.day, 'DD/MM/YYYY') || ')'
            ELSE '' END,
        %(run)s, '', 'credit:' || u.account_id::text || ':' || %(year)s::text
    FROM updated u
    RETURNING amount
)
SELECT count(*), COALESCE(sum(amount), 0) FROM inserted
"""


def credit_year_statement() -> tuple[str, dict]:
    """The statement and the parameters of its rule tables."""
    table_sql, table_params = tables()
    return CREDIT_YEAR.replace("{tables}", table_sql), table_params


def rule_parameters() -> dict:
    """The scalar rule parameters of the statement (the tables come with :func:`credit_year_statement`)."""
    return {"window": OPENING_WINDOW.days, "first": rules.ledger_start()}
