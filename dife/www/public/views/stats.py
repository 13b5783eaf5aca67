from django.http import JsonResponse
from django.shortcuts import render

from dife.core.stats import public_stats
from dife.enrollment.states import State

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
    "droits": "Droits DIFE",
    "dossiers": "Dossiers",
    "personnes_creditees": "personnes créditées",
    "solde_total": "solde total (€)",
    "reserve_total": "réservé (€)",
}


def _label(key: str) -> str:
    if key in LABELS:
        return LABELS[key]
    if key in State.values:
        return State(key).label
    return key


def stats_json(request):
    return JsonResponse(public_stats(), json_dumps_params={"ensure_ascii": False})


def stats_page(request):
    rows, groups = [], []
    for key, value in public_stats().items():
        if isinstance(value, dict):
            groups.append((_label(key), [(_label(sub), subvalue) for sub, subvalue in value.items()]))
        else:
            rows.append((_label(key), value))
    return render(request, "public/stats.html", {"rows": rows, "groups": groups})
