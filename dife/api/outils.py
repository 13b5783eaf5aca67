"""Public tools of the API: computations anyone can check, no account needed."""

from django.http import JsonResponse
from ninja import Router

from dife.api.errors import bad_request
from dife.enrollment.outil_date_limite import DateLimiteForm
from dife.referentiel.forms import first_errors

router = Router(tags=["Outils publics"])


@router.get(
    "/date-limite",
    summary="Date limite de proposition pour une session",
    description=(
        "Dernière date à laquelle un organisme peut proposer une session commençant le jour `debut` "
        "dans la commune `commune` (code INSEE) : la session doit commencer au moins le délai de proposition "
        "en jours ouvrés en vigueur après (paramètre daté enrollment.proposal_lead_business_days)."
    ),
)
def date_limite(request, debut: str | None = None, commune: str | None = None):
    form = DateLimiteForm(data=request.GET, strict=True)
    result = form.result()
    if result is None:
        return bad_request(first_errors(form))
    return JsonResponse(result.as_json())


from dife.api import droits  # noqa: E402, F401, I001  ("Simuler mes droits", issue 4)
from dife.api import reglement  # noqa: E402, F401  ("Que se passe-t-il si j'annule ?", issue 6)
