"""Gestionnaire: the training organisations, their agrément élus and Qualiopi certification.

The agrément is recorded by ``dife.catalog.services.agrement.set_agrement`` (rules, search rows, audit);
the view only shows and forwards.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from dife.accounts.perms import gestionnaire_required
from dife.catalog.selectors import (
    agrement_history,
    agrement_status,
    catalog_figures,
    organisme_rows,
    search_organismes,
)
from dife.catalog.services.agrement import set_agrement
from dife.catalog.services.errors import CatalogError
from dife.organisations.models import Organisation
from dife.www.gestion.forms.organismes import AgrementForm

PAGE_SIZE = 25
HISTORY_SIZE = 20


@gestionnaire_required
@require_http_methods(["GET"])
def liste(request):
    query = request.GET.get("q", "").strip()
    page = Paginator(search_organismes(query), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "query": query,
        "page": page,
        "rows": organisme_rows(page.object_list, today=timezone.localdate()),
    }
    return render(request, "gestion/organismes/liste.html", context)


@gestionnaire_required
@require_http_methods(["GET", "POST"])
def fiche(request, pk: int):
    organisation = get_object_or_404(
        Organisation.objects.select_related("organisme_profile"), pk=pk, kind=Organisation.Kind.ORGANISME
    )
    profile = getattr(organisation, "organisme_profile", None)
    form = AgrementForm.for_profile(profile, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change = set_agrement(
                organisation=organisation, agrement_debut=data["agrement_debut"],
                agrement_fin=data["agrement_fin"], qualiopi=data["qualiopi"], reason=data["motif"],
                actor=request.user, request=request,
            )  # fmt: skip
        except CatalogError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request,
                f"Agrément enregistré. Actions de l’organisme proposées aux élus : {change.listed_rows}.",
            )
            return redirect("gestion:organisme", pk=organisation.pk)
    context = {
        "organisation": organisation,
        "profile": profile,
        "status": agrement_status(profile, today=timezone.localdate()),
        "figures": catalog_figures(profile),
        "history": agrement_history(profile, limit=HISTORY_SIZE),
        "form": form,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "gestion/organismes/fiche.html", context, status=status)
