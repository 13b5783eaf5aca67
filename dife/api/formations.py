"""Catalog search as JSON: the same filters and the same query as the page /recherche."""

from __future__ import annotations

from decimal import Decimal

from django.http import JsonResponse
from ninja import Router

from dife.api.errors import bad_request
from dife.catalog.forms import SearchForm, first_errors
from dife.catalog.search import PAGE_SIZE, Hit, search
from dife.core.formatting import json_amount

router = Router(tags=["Catalogue"])


def _hours(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _result(request, hit: Hit) -> dict:
    return {
        "numero_action": hit.numero_action,
        "intitule": hit.intitule,
        "organisme": hit.organisme,
        "url": request.build_absolute_uri(hit.url),
        "prix": json_amount(hit.prix),
        "duree_heures": _hours(hit.duree_heures),
        "modalite": hit.modalite,
        "commune": hit.commune or None,
        "distance_km": hit.distance_km,
        "prochaine_session": hit.prochaine_session.isoformat(),
    }


@router.get(
    "",
    summary="Rechercher des formations",
    description=(
        "Recherche dans le catalogue des actions de formation proposées aux élus (mêmes filtres que la "
        "page « Recherche Formation »). Paramètres, tous facultatifs : `q` (mots-clés, sans tenir compte "
        "des accents ni du pluriel), `commune` (code INSEE ou code postal) avec `rayon` (km, 30 par "
        "défaut, 1 à 200 ; refusé sans `commune`), `a_distance=1` (formations à distance seulement ; "
        "exclut `commune`), "
        "`contexte` (`mandat` ou `reconversion`), `du` et `au` (AAAA-MM-JJ : une session commence "
        "dans l'intervalle), `prix_max` (€ TTC), `tri` (`pertinence`, `date`, `distance`, `prix`), "
        f"`page` (à partir de 1, {PAGE_SIZE} résultats par page). Réponse : `count` (nombre total) et "
        "`results` ; `modalite` vaut `centre`, `distance` ou `mixte` ; `prix` est le prix TTC en "
        "chaîne à deux décimales ; `distance_km` n'est renseignée qu'avec `commune`. Une erreur de "
        "paramètre répond 400 avec un message en français par paramètre."
    ),
)
def formations(request):
    form = SearchForm(data=request.GET, place_field="commune")
    if not form.is_valid():
        return bad_request(first_errors(form))
    result = search(form.params())
    return JsonResponse(
        {"count": result.count, "results": [_result(request, hit) for hit in result.hits]},
        json_dumps_params={"ensure_ascii": False},
    )
