"""Page "Recherche Formation": the search form, the result count, DSFR cards, pagination, sort."""

from __future__ import annotations

from django.shortcuts import render

from dife.catalog.forms import DEFAULT_RADIUS_KM, SearchForm
from dife.catalog.search import search
from dife.www.public.presenters import cards
from dife.www.public.presenters import recherche as presenter


def recherche(request):
    form = SearchForm(data=request.GET, place_field="lieu")
    valid = form.is_valid()
    context = {"form": form, **presenter.form_context(form)}
    if valid:
        params = form.params()
        result = search(params)
        context |= {
            "result": result,
            "cards": cards.cards(result.hits),
            "place": params.place,
            "rayon": params.rayon_km if params.place else DEFAULT_RADIUS_KM,
            **presenter.sort_context(
                request.GET, params.sort, has_text=bool(params.q), has_place=params.place is not None
            ),
        }
        if result.count:
            context["pagination"] = presenter.page_links(request.GET, result.page, result.pages)
    return render(request, "public/recherche/recherche.html", context, status=200 if valid else 400)
