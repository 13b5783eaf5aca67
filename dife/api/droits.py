"""Public tool "Simuler mes droits" in the API: GET /api/v1/outils/droits?premier_tour=…&au=…"""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field

from dife.api.errors import Error, bad_request, first_errors
from dife.api.params import QuerySchema, Text, param, required_in_docs
from dife.rights.forms import SimulationForm
from dife.rights.outil_simulation import simulate_rights

router = Router()
AMOUNT = "chaîne à deux décimales, par exemple « 400.00 »"


class DroitsQuery(QuerySchema):
    model_config = required_in_docs("premier_tour", "au")

    premier_tour: Text = param(
        "Date du premier tour de l'élection, au format AAAA-MM-JJ (à partir du 1er janvier 1900).",
        format="date",
        examples=["2026-03-15"],
    )
    au: Text = param(
        "Dernier jour de la simulation, inclus, au format AAAA-MM-JJ : au plus tôt le premier tour, "
        "au plus tard le 31 décembre 2100.",
        format="date",
        examples=["2027-04-01"],
    )


class CreditOut(Schema):
    date: dt.date = Field(description="Date de l'alimentation.")
    montant: str = Field(description=f"Montant crédité ce jour-là, en euros ({AMOUNT}).")
    solde: str = Field(description=f"Solde des droits après l'alimentation, en euros ({AMOUNT}).")
    plafond: str = Field(description=f"Plafond des droits en vigueur ce jour-là, en euros ({AMOUNT}).")


class DroitsOut(Schema):
    credits: list[CreditOut] = Field(
        description="Les alimentations jusqu'au jour `au` inclus, dans l'ordre des dates."
    )
    solde: str = Field(description=f"Solde des droits au jour `au`, en euros ({AMOUNT}).")


@router.get(
    "/droits",
    response={200: DroitsOut, 400: Error},
    operation_id="dife_api_droits_droits",
    summary="Simuler les droits DIFE d'un élu",
    description=(
        "Alimentations DIFE d'un élu élu à une élection dont le premier tour a eu lieu le `premier_tour`, "
        "qui ne dépense rien, jusqu'au `au` inclus : le montant annuel en vigueur à chaque date (paramètre "
        "daté dife.annual_credit), le troisième lundi suivant le premier "
        "tour puis chaque année à la même date, dans la limite du plafond en vigueur à chaque date. "
        "Montants en euros, chaînes à deux décimales."
    ),
)
def droits(request: HttpRequest, query: Query[DroitsQuery]) -> Status[Error] | dict[str, Any]:
    form = SimulationForm(data=query.data())
    if not form.is_valid():
        return bad_request(first_errors(form))
    simulation = simulate_rights(premier_tour=form.cleaned_data["premier_tour"], au=form.cleaned_data["au"])
    return simulation.as_json()
