"""OF space: create, edit, publish and close a formation."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from dife.accounts.perms import organisme_required
from dife.catalog import eligibility, selectors
from dife.catalog.services import close_formation, create_formation, publish_formation, update_formation
from dife.www.of.forms.catalogue import FormationForm
from dife.www.of.views.catalogue import close_or_404, profile_or_404, publish_or_explain, save_or_attach

FIELDS = (
    "intitule", "contexte", "theme", "certification_code", "certification_libelle", "objectifs", "contenu",
    "points_forts", "resultats_attendus",
)  # fmt: skip


def _formation_or_404(request, numero: str):
    formation = selectors.formation_of(profile_or_404(request), numero)
    if formation is None:
        raise Http404
    return formation


@organisme_required
@require_http_methods(["GET", "POST"])
def nouvelle(request):
    organisme = profile_or_404(request)
    form = FormationForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        formation = save_or_attach(
            request,
            form,
            create_formation,
            organisme=organisme,
            reference=form.cleaned_data["reference"],
            **form.values(),
        )
        if formation is not None:
            messages.success(request, f"Formation « {formation.intitule} » enregistrée en brouillon.")
            return redirect("of:catalogue:formation", numero=formation.numero)
    return render(request, "of/catalogue/formation_form.html", {"form": form, "formation": None})


@organisme_required
@require_http_methods(["GET", "POST"])
def detail(request, numero: str):
    formation = _formation_or_404(request, numero)
    initial = {name: getattr(formation, name) for name in FIELDS}
    form = FormationForm(data=request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        updated = save_or_attach(request, form, update_formation, formation=formation, **form.values())
        if updated is not None:
            messages.success(request, "Modifications enregistrées.")
            return redirect("of:catalogue:formation", numero=formation.numero)
    context = {
        "form": form,
        "formation": formation,
        "actions": formation.actions.select_related("commune").order_by("reference"),
        "reasons": eligibility.formation_reasons(formation),
    }
    return render(request, "of/catalogue/formation_form.html", context)


@organisme_required
@require_POST
def publier(request, numero: str):
    formation = _formation_or_404(request, numero)
    publish_or_explain(
        request, publish_formation, "Formation publiée : publiez maintenant ses actions.", formation=formation
    )
    return redirect("of:catalogue:formation", numero=formation.numero)


@organisme_required
@require_POST
def fermer(request, numero: str):
    formation = _formation_or_404(request, numero)
    close_or_404(
        request, close_formation, "Formation fermée : elle n'est plus proposée aux élus.", formation=formation
    )
    return redirect("of:catalogue:formation", numero=formation.numero)
