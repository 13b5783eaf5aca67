"""Maintain the search rows (``ActionSearch``): one set-based statement, for some actions or all.

Every catalog service that changes what is listed calls ``refresh_search_rows(action_ids=[...])`` in its
transaction; the nightly task calls ``refresh_stale_rows()`` because sessions pass; the demo generator
and imports call ``refresh_search_rows()`` once after a bulk load. Sessions are filtered by the single
eligibility module (``eligibility.eligible_sessions``), so the index never lists what the rules refuse.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import connection, transaction
from django.utils import timezone

from dife.catalog import eligibility, repertoire
from dife.catalog.models import ActionSearch

_INSERT = """
WITH elig AS ({eligible}),
agg AS (
    SELECT action_id, array_agg(debut ORDER BY debut) AS debuts, min(debut) AS prochaine
    FROM elig GROUP BY action_id
)
INSERT INTO catalog_actionsearch (
    action_id, formation_id, numero_action, numero_formation, intitule, organisme_nom, theme_libelle,
    points_forts, texte, contexte, modalite, a_distance, duree_heures, prix_ttc, commune_id, commune_nom,
    latitude, longitude, debuts, prochaine_session, refreshed_at
)
SELECT a.id, f.id, a.numero, f.numero, f.intitule, org.nom,
       COALESCE((%s::text[])[array_position(%s::text[], f.theme::text)], f.certification_libelle),
       f.points_forts,
       concat_ws(' ', f.objectifs, f.contenu, f.resultats_attendus, f.certification_code),
       f.contexte, a.modalite, a.modalite = 'distance', a.duree_heures, a.prix_ttc,
       CASE WHEN a.modalite = 'distance' THEN NULL ELSE a.commune_id END,
       CASE WHEN a.modalite = 'distance' THEN '' ELSE COALESCE(c.nom, '') END,
       CASE WHEN a.modalite = 'distance' THEN NULL ELSE COALESCE(c.latitude, p.latitude,
           (SELECT avg(s.latitude) FROM referentiel_commune s WHERE s.parent_id = c.id)) END,
       CASE WHEN a.modalite = 'distance' THEN NULL ELSE COALESCE(c.longitude, p.longitude,
           (SELECT avg(s.longitude) FROM referentiel_commune s WHERE s.parent_id = c.id)) END,
       agg.debuts, agg.prochaine, now()
FROM agg
JOIN catalog_action a ON a.id = agg.action_id
JOIN catalog_formation f ON f.id = a.formation_id
JOIN organisations_organisation org ON org.id = f.organisme_id
LEFT JOIN referentiel_commune c ON c.id = a.commune_id
LEFT JOIN referentiel_commune p ON p.id = c.parent_id
WHERE a.status = 'published' AND f.status = 'published'
"""


def _eligible_sql(today: date, action_ids: list[int] | None) -> tuple[str, tuple]:
    sessions = eligibility.eligible_sessions(today=today)
    if action_ids is not None:
        sessions = sessions.filter(action_id__in=action_ids)
    return sessions.values("action_id", "debut").query.sql_with_params()


@transaction.atomic
def refresh_search_rows(*, action_ids: Iterable[int] | None = None, today: date | None = None) -> int:
    """Rewrite the search rows of ``action_ids`` (all actions when None). Returns the rows listed."""
    today = today or timezone.localdate()
    ids = None if action_ids is None else sorted(set(action_ids))
    if ids == []:
        return 0
    eligible_sql, eligible_params = _eligible_sql(today, ids)
    labels = [t.libelle for t in repertoire.THEMES]
    codes = [t.code for t in repertoire.THEMES]
    with connection.cursor() as cursor:
        if ids is None:
            cursor.execute("DELETE FROM catalog_actionsearch")
        else:
            cursor.execute("DELETE FROM catalog_actionsearch WHERE action_id = ANY(%s)", [ids])
        cursor.execute(_INSERT.format(eligible=eligible_sql), (*eligible_params, labels, codes))
        return cursor.rowcount


def refresh_stale_rows(*, today: date | None = None) -> int:
    """Nightly: rows whose next session is no longer to come are recomputed (or dropped)."""
    today = today or timezone.localdate()
    stale = list(
        ActionSearch.objects.filter(prochaine_session__lte=today).values_list("action_id", flat=True)
    )
    return refresh_search_rows(action_ids=stale, today=today) if stale else 0
