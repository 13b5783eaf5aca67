from django.shortcuts import render

from dife.referentiel.forms import DateLimiteForm
from dife.referentiel.outils import date_limite_inscription


def date_limite(request):
    result = None
    form = DateLimiteForm(data=request.GET or None)
    if form.is_valid():
        result = date_limite_inscription(
            debut=form.cleaned_data["debut"], commune=form.cleaned_data["commune"]
        )
    return render(request, "public/outil_date_limite.html", {"form": form, "result": result})
