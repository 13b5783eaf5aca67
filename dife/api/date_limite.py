"""Public tool "Date limite d'inscription" in the API: GET /api/v1/outils/date-limite?debut=…&commune=…"""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field

from dife.api.errors import Error, bad_request, first_errors
from dife.api.params import QuerySchema, Text, param, required_in_docs
from dife.enrollment.outil_date_limite import DateLimiteForm

router = Router()


class DateLimiteQuery(QuerySchema):
    model_config = required_in_docs("debut", "commune")

    debut: Text = param(
        "Date de début de la session, au format AAAA-MM-JJ.", format="date", examples=["2026-05-26"]
    )
    commune: Text = param(
        "Code INSEE de la commune du lieu de la session, exactement comme l'INSEE l'écrit "
        "(5 caractères, 2A/2B en majuscules pour la Corse), par exemple 45234 pour Orléans.",
        pattern=r"^(\d{5}|2[AB]\d{3})$",
        examples=["45234"],
    )


class DateLimiteOut(Schema):
    debut: dt.date = Field(description="Date de début de la session demandée.")
    commune: str = Field(description="Code INSEE de la commune du lieu de la session.")
    date_limite_proposition: dt.date = Field(
        description="Dernière date à laquelle l'organisme peut proposer la session."
    )
    jours_feries: list[dt.date] = Field(
        description="Jours fériés de la commune entre la date limite et le début de la session, inclus."
    )


@router.get(
    "/date-limite",
    response={200: DateLimiteOut, 400: Error},
    operation_id="dife_api_outils_date_limite",
    summary="Date limite de proposition pour une session",
    description=(
        "Dernière date à laquelle un organisme peut proposer une session commençant le jour `debut` "
        "dans la commune `commune` (code INSEE) : la session doit commencer au moins le délai de proposition "
        "en jours ouvrés en vigueur après (paramètre daté enrollment.proposal_lead_business_days)."
    ),
)
def date_limite(request: HttpRequest, query: Query[DateLimiteQuery]) -> Status[Error] | dict[str, Any]:
    form = DateLimiteForm(data=query.data(), strict=True)
    result = form.result()
    if result is None:
        return bad_request(first_errors(form))
    return result.as_json()
