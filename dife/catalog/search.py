"""Search of the catalog ("Recherche Formation"): the one query behind the page and the API.

It reads only the denormalised search rows (``catalog_actionsearch``): one row per listed action with
its eligible sessions to come, place, price and a weighted tsvector (docs/decisions/0005-search.md):

* keywords: ``websearch_to_tsquery('french_unaccent', q)`` on the stored ``document`` (GIN): accents,
  case and plurals do not matter. Relevance (``ts_rank``) is computed on at most ``RANK_CAP``
  candidates — the soonest ones when more rows match — so a common word never ranks the whole
  catalog; relevance pages therefore stop after ``RANK_CAP`` results;
* typo tolerance: when the keywords match nothing and the query is short (``TYPO_MAX_WORDS`` words at
  most), titles are matched by trigram word similarity (``pg_trgm``, accent-free, GIN index);
* place: a point (places.py) and a radius: a latitude/longitude box (covering B-tree index) then the
  exact great-circle distance (haversine), nearest first; remote actions have no place and
  "Formation à distance" keeps only them;
* dates: an action matches when one of its eligible sessions starts between ``du`` and ``au``;
  ``prochaine_session`` is then the first such session;
* ``count`` is exact; pages of ``PAGE_SIZE``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from dife.catalog.places import Place
from dife.catalog.search_sql import RANK_CAP, SearchSQL

PAGE_SIZE = 20
MAX_PAGE = 500
TYPO_MAX_WORDS = 3
TYPO_THRESHOLD = 0.4
SORTS = ("pertinence", "date", "distance", "prix")


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    place: Place | None = None
    rayon_km: int = 30
    a_distance: bool = False
    contexte: str = ""
    du: date | None = None
    au: date | None = None
    prix_max: Decimal | None = None
    tri: str = ""
    page: int = 1

    @property
    def sort(self) -> str:
        """The sort applied: the one asked, else relevance with keywords, distance with a place, date."""
        if self.tri:
            return self.tri
        if self.q.strip():
            return "pertinence"
        return "distance" if self.place and not self.a_distance else "date"


@dataclass(frozen=True)
class Hit:
    action_id: int
    numero_action: str
    numero_formation: str
    intitule: str
    organisme: str
    contexte: str
    theme: str
    modalite: str
    duree_heures: Decimal
    prix: Decimal
    commune: str
    distance_km: float | None
    prochaine_session: date
    sessions: int

    @property
    def url(self) -> str:
        return f"/formation/recherche/{self.numero_action}/{self.numero_formation}"


@dataclass(frozen=True)
class SearchResult:
    count: int
    hits: list[Hit]
    page: int
    params: SearchParams
    approximate: bool = False  # keywords matched nothing: titles close to them (typos)
    sql: list[tuple[str, dict]] = field(default_factory=list, repr=False)

    @property
    def pages(self) -> int:
        shown = (
            min(self.count, RANK_CAP) if self.params.sort == "pertinence" and self.params.q else self.count
        )
        return min(MAX_PAGE, max(1, math.ceil(shown / PAGE_SIZE)))


def _hit(row) -> Hit:
    (_total, distance, prochaine, nb_sessions, action_id, numero_action, numero_formation, intitule,
     organisme, contexte, theme, modalite, heures, prix, commune) = row  # fmt: skip
    return Hit(
        action_id=action_id,
        numero_action=numero_action,
        numero_formation=numero_formation,
        intitule=intitule,
        organisme=organisme,
        contexte=contexte,
        theme=theme,
        modalite=modalite,
        duree_heures=heures,
        prix=prix,
        commune=commune,
        distance_km=None if distance is None else round(distance / 1000, 1),
        prochaine_session=prochaine,
        sessions=nb_sessions,
    )


def _page(cursor, query: SearchSQL, params: SearchParams, page: int, log: list) -> tuple[int, list[Hit]]:
    sql = query.page(params.sort, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    log.append((sql, dict(query.args)))
    cursor.execute(sql, query.args)
    rows = cursor.fetchall()
    if rows:
        return rows[0][0], [_hit(r) for r in rows]
    if page == 1:
        return 0, []
    sql = query.count()  # a page past the end: the total still matters
    log.append((sql, dict(query.args)))
    cursor.execute(sql, query.args)
    return cursor.fetchone()[0], []


def _set(cursor, statement: str, log: list) -> None:
    log.append((statement, {}))
    cursor.execute(statement)


def search(params: SearchParams, *, today: date | None = None) -> SearchResult:
    """Run the search; the SQL statements run are kept in ``result.sql`` (the benchmark replays them)."""
    today = today or timezone.localdate()
    page = max(1, min(params.page, MAX_PAGE))
    log: list = []
    with transaction.atomic(), connection.cursor() as cursor:
        if params.q.strip():
            # The planner prices a sequential scan of a common word without the cost of reading each
            # row's tsvector; the GIN bitmap is always cheaper here (docs/decisions/0005-search.md).
            _set(cursor, "SET LOCAL enable_seqscan = off", log)
        count, hits = _page(cursor, SearchSQL(params, today), params, page, log)
        typo = False
        if count == 0 and params.q.strip() and len(params.q.split()) <= TYPO_MAX_WORDS:
            typo = True
            _set(cursor, f"SET LOCAL pg_trgm.word_similarity_threshold = {TYPO_THRESHOLD}", log)
            count, hits = _page(cursor, SearchSQL(params, today, typo=True), params, page, log)
    return SearchResult(count=count, hits=hits, page=page, params=params, approximate=typo, sql=log)
