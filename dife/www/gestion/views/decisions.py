"""The "Dernières décisions" table shared by the gestion queues (``gestion/includes/decisions.html``)."""

from __future__ import annotations


def decision_row(decided, *, nom: str, motif: str) -> dict:
    """One decided request (identity verification, rattachement) as a line of the table."""
    return {
        "nom": nom,
        "decision": decided.get_status_display(),
        "motif": motif,
        "le": decided.decided_at,
        "par": decided.decided_by,
    }
