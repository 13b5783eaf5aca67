from django.http import JsonResponse


def bad_request(details: dict[str, str]) -> JsonResponse:
    """400 with a French message naming each invalid field."""
    fields = ", ".join(details)
    return JsonResponse(
        {"erreur": f"Paramètre(s) invalide(s) : {fields}.", "details": details},
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )
