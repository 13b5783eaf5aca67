"""Catalog search as JSON: the same filters and the same query as the page /recherche."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field

from dife.api.errors import Error, bad_request, first_errors
from dife.api.params import QuerySchema, Text, param
from dife.catalog.forms import DEFAULT_RADIUS_KM, MAX_RADIUS_KM, SearchForm
from dife.catalog.models import Contexte, Modalite
from dife.catalog.search import MAX_PAGE, PAGE_SIZE, SORTS, Hit, search
from dife.core.formatting import json_amount

router = Router()
DAY = "au format AAAA-MM-JJ"


class FormationsQuery(QuerySchema):
    q: Text = param("Mots-clés, sans tenir compte des accents ni du pluriel.", maxLength=200)
    commune: Text = param(
        "Lieu : code INSEE ou code postal (5 caractères, lus d'abord comme un code INSEE), ou nom d'une "
        "commune. Exclut `a_distance`.",
        maxLength=120,
        examples=["45234"],
    )
    rayon: Text = param(
        f"Rayon autour de la `commune`, en km ({DEFAULT_RADIUS_KM} par défaut) ; refusé sans `commune`.",
        type="integer",
        minimum=1,
        maximum=MAX_RADIUS_KM,
    )
    a_distance: Text = param(
        "`1` : formations à distance seulement ; `0` (par défaut) : toutes. Exclut `commune`.",
        enum=["0", "1"],
    )
    contexte: Text = param(
        "Contexte de formation : `mandat` (exercice du mandat) ou `reconversion`.", enum=list(Contexte.values)
    )
    du: Text = param(f"Une session commence ce jour ou après, {DAY}.", format="date")
    au: Text = param(f"Une session commence ce jour ou avant, {DAY} ; au plus tôt `du`.", format="date")
    prix_max: Text = param("Prix maximum TTC en euros, par exemple 800.", examples=["800"])
    tri: Text = param(
        "Ordre des résultats : `pertinence` (avec `q`), `date` (prochaine session, par défaut), "
        "`distance` (avec `commune`) ou `prix` (croissant).",
        enum=list(SORTS),
    )
    page: Text = param(
        f"Numéro de page, à partir de 1 ({PAGE_SIZE} résultats par page).",
        type="integer",
        minimum=1,
        maximum=MAX_PAGE,
    )


class FormationOut(Schema):
    numero_action: str = Field(description="Numéro de l'action de formation.")
    intitule: str = Field(description="Intitulé de la formation.")
    organisme: str = Field(description="Nom de l'organisme de formation.")
    url: str = Field(description="Adresse de la page de la formation.")
    prix: str = Field(description="Prix TTC en euros, chaîne à deux décimales, par exemple « 200.00 ».")
    duree_heures: int | float = Field(description="Durée de la formation, en heures.")
    modalite: str = Field(
        description="`centre`, `distance` ou `mixte`.", json_schema_extra={"enum": list(Modalite.values)}
    )
    commune: str | None = Field(description="Commune du lieu de la formation ; null à distance.")
    distance_km: float | None = Field(
        description="Distance en km depuis la `commune` demandée ; null sans `commune`."
    )
    prochaine_session: dt.date = Field(description="Date de début de la prochaine session.")


class FormationsOut(Schema):
    count: int = Field(description="Nombre total de formations trouvées, toutes pages comprises.")
    results: list[FormationOut] = Field(description="Les formations de la page demandée.")


def _hours(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _result(request: HttpRequest, hit: Hit) -> dict[str, Any]:
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
    response={200: FormationsOut, 400: Error},
    operation_id="dife_api_formations_formations",
    summary="Rechercher des formations",
    description=(
        "Recherche dans le catalogue des actions de formation proposées aux élus (mêmes filtres que la "
        "page « Recherche Formation »). Tous les paramètres sont facultatifs. Une erreur de paramètre "
        "répond 400 avec un message en français par paramètre."
    ),
)
def formations(request: HttpRequest, filters: Query[FormationsQuery]) -> Status[Error] | dict[str, Any]:
    form = SearchForm(data=filters.data(), place_field="commune")
    if not form.is_valid():
        return bad_request(first_errors(form))
    result = search(form.params())
    return {"count": result.count, "results": [_result(request, hit) for hit in result.hits]}
