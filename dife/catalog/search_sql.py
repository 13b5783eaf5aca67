# ruff: noqa: S608 — statements are assembled from constant fragments; every user value is a bound parameter.
"""The SQL of the search (see search.py for the rules): one statement per search, in three steps.

1. ``m``: the matching rows, narrow (id, next session, price, distance), read once — from an index
   alone when the filters allow it (remote only, place, context: covering indexes);
2. the page: sorted on those narrow columns (relevance: ``ts_rank`` on at most ``RANK_CAP``
   candidates, the soonest ones when there are more);
3. the display columns of the page's rows only, with the total count of ``m``.
"""

from __future__ import annotations

import math
from datetime import date

RANK_CAP = 1000
CONFIG = "french_unaccent"
EARTH_RADIUS_M = 6371008.8  # mean Earth radius (IUGG); the box and the haversine use the same sphere
BOX_MARGIN = 1.01

DISPLAY = (
    "r.action_id, r.numero_action, r.numero_formation, r.intitule, r.organisme_nom, r.contexte, "
    "r.theme_libelle, r.modalite, r.duree_heures, r.prix_ttc, r.commune_nom"
)


def bounding_box(lat: float, lon: float, metres: float) -> tuple[float, float, float, float]:
    """Latitude/longitude box containing every point within ``metres`` (great circle) of the point."""
    dlat = math.degrees(metres * BOX_MARGIN / EARTH_RADIUS_M)
    lat_min, lat_max = lat - dlat, lat + dlat
    widest = max(abs(lat_min), abs(lat_max))
    if widest >= 89:
        return lat_min, lat_max, -180.0, 180.0
    dlon = math.degrees(metres * BOX_MARGIN / (EARTH_RADIUS_M * math.cos(math.radians(widest))))
    return lat_min, lat_max, lon - dlon, lon + dlon


class SearchSQL:
    """Builds the WHERE clause and the statements for one search; ``args`` are the named parameters."""

    def __init__(self, params, today: date, *, typo: bool = False) -> None:
        self.params = params
        self.typo = typo
        self.text = params.q.strip()
        self.dated = params.du is not None or params.au is not None
        self.args: dict = {"today": today, "config": CONFIG}
        self.where: list[str] = []
        self._filters()

    # --- filters -------------------------------------------------------------------------------------
    def _session_window(self, alias: str) -> str:
        parts = [f"{alias} > %(today)s"]
        if self.params.du:
            self.args["du"] = self.params.du
            parts.append(f"{alias} >= %(du)s")
        if self.params.au:
            self.args["au"] = self.params.au
            parts.append(f"{alias} <= %(au)s")
        return " AND ".join(parts)

    def _filters(self) -> None:
        p, w = self.params, self.where
        # Rows are refreshed every night (refresh_stale_rows): a listed row's next session is to come.
        w.append("r.prochaine_session > %(today)s")
        if self.dated:
            w.append(f"EXISTS (SELECT 1 FROM unnest(r.debuts) AS d WHERE {self._session_window('d')})")
        if p.contexte:
            self.args["contexte"] = p.contexte
            w.append("r.contexte = %(contexte)s")
        if p.prix_max is not None:
            self.args["prix_max"] = p.prix_max
            w.append("r.prix_ttc <= %(prix_max)s")
        if p.a_distance:
            w.append("r.a_distance")
        elif p.place is not None:
            metres = p.rayon_km * 1000
            lat_min, lat_max, lon_min, lon_max = bounding_box(p.place.latitude, p.place.longitude, metres)
            self.args |= {
                "lat": p.place.latitude,
                "lon": p.place.longitude,
                "cos_lat": math.cos(math.radians(p.place.latitude)),
                "two_r": 2 * EARTH_RADIUS_M,
                "metres": metres,
                "lat_min": lat_min,
                "lat_max": lat_max,
                "lon_min": lon_min,
                "lon_max": lon_max,
            }
            w.append("r.latitude IS NOT NULL")
            w.append("r.latitude BETWEEN %(lat_min)s AND %(lat_max)s")
            w.append("r.longitude BETWEEN %(lon_min)s AND %(lon_max)s")
            w.append(f"{self.distance} <= %(metres)s")
        if self.text:
            self.args["q"] = self.text
            if self.typo:
                w.append("lower(catalog_unaccent(%(q)s)) <%% lower(catalog_unaccent(r.intitule))")
            else:
                w.append(f"r.document @@ {self.tsquery}")

    # --- expressions ---------------------------------------------------------------------------------
    @property
    def tsquery(self) -> str:
        return "websearch_to_tsquery(%(config)s::regconfig, %(q)s)"

    @property
    def distance(self) -> str:
        """Great-circle distance in metres (haversine): plain arithmetic, ~50× cheaper per row than
        earthdistance's ll_to_earth, whose ``earth`` domain checks its value on every call."""
        return (
            "%(two_r)s * asin(least(1.0, sqrt(power(sin(radians(r.latitude - %(lat)s) / 2), 2) "
            "+ %(cos_lat)s * cos(radians(r.latitude)) * power(sin(radians(r.longitude - %(lon)s) / 2), 2))))"
        )

    @property
    def has_distance(self) -> bool:
        return self.params.place is not None and not self.params.a_distance

    def _prochaine(self) -> str:
        if self.dated:
            return f"(SELECT min(d) FROM unnest(r.debuts) AS d WHERE {self._session_window('d')})"
        return "r.prochaine_session"

    def _rank(self) -> str:
        if self.typo:
            return (
                "strict_word_similarity(lower(catalog_unaccent(%(q)s)), lower(catalog_unaccent(r.intitule)))"
            )
        return f"ts_rank(r.document, {self.tsquery})"

    # --- statements ----------------------------------------------------------------------------------
    def matches(self) -> str:
        distance = self.distance if self.has_distance else "NULL::float8"
        # Typo mode ranks every title the trigram threshold let through (few, and already read).
        rank = f", {self._rank()} AS rank" if self.typo else ""
        return (
            f"SELECT r.action_id, {self._prochaine()} AS prochaine, r.prix_ttc AS prix, "
            f"{distance} AS distance{rank} FROM catalog_actionsearch r WHERE {' AND '.join(self.where)}"
        )

    def count(self) -> str:
        return f"SELECT count(*) FROM catalog_actionsearch r WHERE {' AND '.join(self.where)}"

    def page(self, sort: str, *, limit: int, offset: int) -> str:
        """One statement: the page's rows with the total count in the first column."""
        self.args |= {"limit": limit, "offset": offset}
        if sort == "pertinence" and self.typo:
            ranked = (
                "page AS (SELECT * FROM m ORDER BY rank DESC, prochaine, action_id "
                "LIMIT %(limit)s OFFSET %(offset)s)"
            )
            order = "page.rank DESC, page.prochaine, page.action_id"
        elif sort == "pertinence" and self.text:
            ranked = (
                f"cand AS (SELECT * FROM m ORDER BY prochaine, action_id LIMIT {RANK_CAP}), "
                f"ranked AS (SELECT cand.*, {self._rank()} AS rank FROM cand "
                "JOIN catalog_actionsearch r ON r.action_id = cand.action_id), "
                "page AS (SELECT * FROM ranked ORDER BY rank DESC, prochaine, action_id "
                "LIMIT %(limit)s OFFSET %(offset)s)"
            )
            order = "page.rank DESC, page.prochaine, page.action_id"
        else:
            key = {
                "date": "prochaine, action_id",
                "prix": "prix, prochaine, action_id",
                "distance": "distance, prochaine, action_id",
            }.get(sort, "prochaine, action_id")
            ranked = f"page AS (SELECT * FROM m ORDER BY {key} LIMIT %(limit)s OFFSET %(offset)s)"
            order = ", ".join(f"page.{column.strip()}" for column in key.split(","))
        return (
            f"WITH m AS MATERIALIZED ({self.matches()}), {ranked} "
            f"SELECT (SELECT count(*) FROM m) AS total, page.distance, page.prochaine, "
            f"cardinality(r.debuts) AS nb_sessions, {DISPLAY} "
            "FROM page JOIN catalog_actionsearch r ON r.action_id = page.action_id "
            f"ORDER BY {order}"
        )
