from django.http import JsonResponse
from django.shortcuts import render

from dife.core.stats import public_stats

LABELS = {
    "communes": "Communes",
    "elus": "Élus (personnes distinctes)",
    "mandats": "Mandats",
    "comptes": "Comptes ouverts",
    "comptes_elus": "Comptes élus",
    "organismes": "Organismes de formation",
    "formations": "Formations",
    "sessions": "Sessions",
    "montant_engage": "Montant engagé (€)",
}


def stats_json(request):
    return JsonResponse(public_stats(), json_dumps_params={"ensure_ascii": False})


def stats_page(request):
    stats = public_stats()
    rows = [(LABELS.get(key, key), value) for key, value in stats.items() if not isinstance(value, dict)]
    return render(request, "public/stats.html", {"rows": rows})
