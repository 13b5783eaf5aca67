"""Read-side queries on the catalog."""

from __future__ import annotations

from django.db import connection

from dife.catalog.models import Action


def public_counts() -> dict[str, int]:
    """Public figures (/stats.json): what an élu can find today in the search.

    ``organismes``: providers with at least one action listed; ``formations``: formations with at
    least one action listed; ``sessions``: eligible sessions to come of the listed actions.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(DISTINCT f.organisme_id), count(DISTINCT r.formation_id), "
            "COALESCE(sum(cardinality(r.debuts)), 0) "
            "FROM catalog_actionsearch r JOIN catalog_formation f ON f.id = r.formation_id"
        )
        organismes, formations, sessions = cursor.fetchone()
    return {"organismes": organismes, "formations": formations, "sessions": int(sessions)}


def action_by_numbers(numero_action: str, numero_formation: str) -> Action | None:
    """The action of a deep link ``/formation/recherche/<n° action>/<n° formation>``, or None."""
    return (
        Action.objects.select_related("formation__organisme__organisation", "commune")
        .filter(numero=numero_action, formation__numero=numero_formation)
        .first()
    )
