from django.http import JsonResponse
from django.views.decorators.http import require_GET

from dife.accounts import communes


@require_GET
def recherche(request):
    """JSON for the address autocomplete (progressive enhancement of the "Rechercher" button)."""
    results = communes.search(request.GET.get("q", "")[:100])
    return JsonResponse(
        {"resultats": [c.as_json() for c in results]}, json_dumps_params={"ensure_ascii": False}
    )
