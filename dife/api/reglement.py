"""Public tool "Que se passe-t-il si j'annule ?" in the API: GET /api/v1/outils/reglement?…"""

from django.http import JsonResponse

from dife.api.errors import bad_request
from dife.api.outils import router
from dife.enrollment.outil_reglement import ReglementForm, reglement
from dife.referentiel.forms import first_errors


@router.get(
    "/reglement",
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
def reglement_outil(
    request,
    evenement: str | None = None,
    prix: str | None = None,
    droits_engages: str | None = None,
    debut: str | None = None,
    commune: str | None = None,
    date: str | None = None,
    heures_prevues: str | None = None,
    heures_suivies: str | None = None,
    force_majeure: str | None = None,
):
    form = ReglementForm(data=request.GET)
    if not form.is_valid():
        return bad_request(first_errors(form))
    return JsonResponse(reglement(form.cleaned_data).as_json(), json_dumps_params={"ensure_ascii": False})
