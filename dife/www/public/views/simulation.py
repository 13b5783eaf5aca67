"""Public tool "Simuler mes droits" (page); the same computation is in the API (/api/v1/outils/droits)."""

from django.shortcuts import render

from dife.rights.forms import SimulationForm
from dife.rights.outil_simulation import simulate_rights


def simuler_droits(request):
    simulation = None
    form = SimulationForm(data=request.GET or None)
    if form.is_valid():
        simulation = simulate_rights(
            premier_tour=form.cleaned_data["premier_tour"], au=form.cleaned_data["au"]
        )
    return render(request, "public/outil_droits.html", {"form": form, "simulation": simulation})
