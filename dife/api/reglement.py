"""Public tool "Que se passe-t-il si j'annule ?" in the API: GET /api/v1/outils/reglement?…"""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field

from dife.api.errors import Error, bad_request, first_errors
from dife.api.params import QuerySchema, Text, param, required_in_docs
from dife.enrollment.outil_reglement import ReglementForm, reglement

router = Router()
EVENTS = [str(value) for value, _ in ReglementForm.base_fields["evenement"].choices]
AMOUNT = "en euros, deux décimales au plus, point ou virgule décimale"
DAY = "au format AAAA-MM-JJ, à partir de l'ouverture du service"
AMOUNT_OUT = "en euros, chaîne à deux décimales, par exemple « 15.00 »"


class ReglementQuery(QuerySchema):
    model_config = required_in_docs("evenement", "prix", "droits_engages")

    evenement: Text = param(
        "Ce qui se passe : `annulation_titulaire` (l'élu annule), `absence` (l'élu ne se présente pas "
        "le premier jour), `annulation_organisme` (l'organisme annule) ou `sortie` (l'élu quitte ou "
        "termine la formation).",
        enum=EVENTS,
    )
    prix: Text = param(f"Prix de la formation, {AMOUNT}.", examples=["300.00"])
    droits_engages: Text = param(
        f"Part du prix financée par les droits DIFE, {AMOUNT} ; au plus le prix.", examples=["300.00"]
    )
    debut: Text = param(
        f"Date de début de la session, {DAY}. Obligatoire pour `annulation_titulaire`.", format="date"
    )
    commune: Text = param(
        "Code INSEE de la commune du lieu de la session, pour ses jours fériés (par exemple 45234). "
        "Obligatoire pour `annulation_titulaire`."
    )
    date: Text = param(
        f"Jour de l'annulation, {DAY}. Obligatoire pour `annulation_titulaire`.", format="date"
    )
    heures_prevues: Text = param(
        "Durée de la formation en heures, supérieure à 0, deux décimales au plus. Obligatoire pour `sortie`.",
        examples=["14"],
    )
    heures_suivies: Text = param(
        "Heures réellement suivies, deux décimales au plus, au plus les heures prévues. "
        "Obligatoire pour `sortie`.",
        examples=["10.5"],
    )
    force_majeure: Text = param("`1` pour un cas de force majeure, `0` sinon (par défaut).", enum=["0", "1"])


class ReglementOut(Schema):
    paye_organisme: str = Field(description=f"Ce que l'organisme est payé, {AMOUNT_OUT}.")
    droits_consommes: str = Field(description=f"Droits DIFE engagés qui sont consommés, {AMOUNT_OUT}.")
    droits_liberes: str = Field(description=f"Droits DIFE engagés qui sont rendus à l'élu, {AMOUNT_OUT}.")
    annulation_gratuite: bool | None = Field(
        description="Pour `annulation_titulaire` : true quand l'annulation est gratuite (faite au moins le "
        "délai d'annulation gratuite avant le début), false sinon ; null pour les autres événements."
    )


@router.get(
    "/reglement",
    response={200: ReglementOut, 400: Error},
    operation_id="dife_api_reglement_reglement_outil",
    summary="Règlement d'un dossier : que se passe-t-il si j'annule ?",
    description=(
        "Ce que l'organisme est payé et ce que deviennent les droits DIFE engagés selon l'événement "
        "(`annulation_titulaire`, `absence`, `annulation_organisme`, `sortie`), d'après les conditions "
        "générales : annulation gratuite au moins le délai d'annulation gratuite en jours ouvrés en vigueur "
        "avant le début (paramètre daté enrollment.free_cancellation_business_days ; jours fériés de la "
        "`commune`, code INSEE), sinon le taux d'annulation tardive en vigueur du prix (paramètre daté "
        "settlement.late_cancellation_rate) et droits consommés sauf force majeure ; après "
        "l'entrée, paiement selon l'assiduité (`heures_suivies` / `heures_prevues`). `date` est le jour "
        "de l'annulation. Montants en euros, chaînes à deux décimales ; `annulation_gratuite` vaut null "
        "quand la règle du délai d'annulation gratuite ne s'applique pas."
    ),
)
def reglement_outil(request: HttpRequest, query: Query[ReglementQuery]) -> Status[Error] | dict[str, Any]:
    form = ReglementForm(data=query.data())
    if not form.is_valid():
        return bad_request(first_errors(form))
    return reglement(form.cleaned_data).as_json()
