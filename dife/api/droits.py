"""Public tool "Simuler mes droits" in the API: GET /api/v1/outils/droits?premier_tour=…&au=…"""

from django.http import JsonResponse

from dife.api.errors import bad_request
from dife.api.outils import router
from dife.referentiel.forms import first_errors
from dife.rights.forms import SimulationForm
from dife.rights.outil_simulation import simulate_rights


@router.get(
    "/droits",
    summary="Simuler les droits DIFE d'un élu",
    description=(
        "Alimentations DIFE d'un élu élu à une élection dont le premier tour a eu lieu le `premier_tour`, "
        "qui ne dépense rien, jusqu'au `au` inclus : le montant annuel en vigueur à chaque date (paramètre "
        "daté dife.annual_credit), le troisième lundi suivant le premier "
        "tour puis chaque année à la même date, dans la limite du plafond en vigueur à chaque date. "
        "Montants en euros, chaînes à deux décimales."
    ),
)
def droits(request, premier_tour: str | None = None, au: str | None = None):
    form = SimulationForm(data=request.GET)
    if not form.is_valid():
        return bad_request(first_errors(form))
    simulation = simulate_rights(premier_tour=form.cleaned_data["premier_tour"], au=form.cleaned_data["au"])
    return JsonResponse(simulation.as_json())
