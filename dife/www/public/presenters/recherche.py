"""What the page /recherche displays, prepared as plain values for flat templates (no logic there).

Flat templates matter here: the page must render in a fraction of the search time (docs/benchmarks.md,
"Recherche"), and each include or nested condition costs on every request.
"""

from __future__ import annotations

from django.http import QueryDict

from dife.catalog.forms import DEFAULT_RADIUS_KM, SORT_LABELS
from dife.catalog.models import Contexte

RADII = (5, 10, 20, 30, 50, 100, 200)
CONTEXTES = (
    ("", "Toutes les formations"),
    (Contexte.MANDAT, "Formations liées à mon mandat"),
    (Contexte.RECONVERSION, "Formations pour me reconvertir"),
)
TEXT_FIELDS = (
    ("q", "search", "Par exemple : budget communal, urbanisme, comptable", "", "fr-col-12 fr-col-md-5"),
    (
        "lieu",
        "text",
        "Nom de la commune ou code postal, par exemple Lyon ou 42130",
        "",
        "fr-col-12 fr-col-md-4",
    ),
)
MORE_FIELDS = (
    ("du", "date", "Session à partir du", "", "fr-col-6 fr-col-md-3"),
    ("au", "date", "Session jusqu’au", "", "fr-col-6 fr-col-md-3"),
    ("prix_max", "text", "Prix TTC, en euros", "decimal", "fr-col-12 fr-col-md-3"),
)


def _field(form, name: str, kind: str, hint: str, inputmode: str, column: str) -> dict:
    bound = form[name]
    errors = bound.errors
    value = bound.value()
    return {
        "name": name,
        "id": f"id_{name}",
        "label": bound.label,
        "type": kind,
        "hint": hint,
        "inputmode": inputmode,
        "column": column,
        "value": "" if value is None else value,
        "error": errors[0] if errors else "",
    }


def form_context(form) -> dict:
    data = form.data
    rayon = str(data.get("rayon") or DEFAULT_RADIUS_KM)
    contexte = data.get("contexte") or ""
    return {
        "text_fields": [_field(form, *spec) for spec in TEXT_FIELDS],
        "more_fields": [_field(form, *spec) for spec in MORE_FIELDS],
        "radius_options": [(km, str(km) == rayon) for km in RADII],
        "contexte_options": [
            (f"contexte-{i}", value, label, value == contexte)
            for i, (value, label) in enumerate(CONTEXTES, 1)
        ],
        "a_distance_checked": (data.get("a_distance") or "") in ("1", "on"),
        "errors": {name: errors[0] for name, errors in form.errors.items()},
        "tri": data.get("tri") or "",
    }


def _href(query: QueryDict, **changes) -> str:
    query = query.copy()
    for key, value in changes.items():
        query[key] = str(value)
    return "?" + query.urlencode()


def page_links(query: QueryDict, page: int, pages: int) -> dict:
    """DSFR pagination: first, previous, 1 … 4 5 [6] 7 8 … 20, next, last (None: no link)."""
    wanted = sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})
    numbers: list[tuple[int | None, str, bool]] = []
    for number in wanted:
        if numbers and numbers[-1][0] is not None and number - numbers[-1][0] > 1:
            numbers.append((None, "", False))
        numbers.append((number, _href(query, page=number), number == page))
    return {
        "numbers": numbers,
        "first": _href(query, page=1) if page > 1 else None,
        "previous": _href(query, page=page - 1) if page > 1 else None,
        "next": _href(query, page=page + 1) if page < pages else None,
        "last": _href(query, page=pages) if page < pages else None,
    }


def sort_context(query: QueryDict, sort: str, *, has_text: bool, has_place: bool) -> dict:
    options = [
        (value, label, value == sort)
        for value, label in SORT_LABELS.items()
        if not (value == "pertinence" and not has_text) and not (value == "distance" and not has_place)
    ]
    hidden = [(k, v) for k, values in query.lists() if k not in ("tri", "page") for v in values]
    return {"sort_options": options, "sort_hidden": hidden}
