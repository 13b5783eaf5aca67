"""Public tool "Que se passe-t-il si j'annule ?" (page); the same computation is in the API
(/api/v1/outils/reglement)."""

from urllib.parse import urlencode

from django.shortcuts import render

from dife.enrollment.outil_reglement import ReglementForm, api_parameters, reglement


def outil_reglement(request):
    outcome, query = None, ""
    form = ReglementForm(data=request.GET or None)
    if form.is_valid():
        outcome = reglement(form.cleaned_data)
        query = urlencode(api_parameters(form.cleaned_data))
    status = 400 if request.GET and not form.is_valid() else 200
    return render(
        request,
        "public/outil_reglement.html",
        {"form": form, "outcome": outcome, "query": query},
        status=status,
    )
