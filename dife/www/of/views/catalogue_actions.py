"""OF space: create, edit, publish and close an action; its eligibility, in the catalog's words."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from dife.accounts.perms import organisme_required
from dife.catalog import eligibility, selectors
from dife.catalog.imports.communes import label_of
from dife.catalog.services import close_action, create_action, publish_action, update_action
from dife.www.of.forms.catalogue import ActionForm
from dife.www.of.views.catalogue import close_or_404, profile_or_404, publish_or_explain, save_or_attach

FIELDS = (
    "modalite", "duree_heures", "rythme", "prix_ttc", "frais_examen_inclus", "frais_additionnels",
    "frais_additionnels_detail", "adresse", "acces_handicap", "aides_financement", "contact_nom",
    "contact_email", "contact_telephone",
)  # fmt: skip


def _action_or_404(request, numero: str):
    action = selectors.action_of(profile_or_404(request), numero)
    if action is None:
        raise Http404
    return action


@organisme_required
@require_http_methods(["GET", "POST"])
def nouvelle(request, numero: str):
    formation = selectors.formation_of(profile_or_404(request), numero)
    if formation is None:
        raise Http404
    form = ActionForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = save_or_attach(
            request,
            form,
            create_action,
            formation=formation,
            reference=form.cleaned_data["reference"],
            **form.values(),
        )
        if action is not None:
            messages.success(
                request, "Action enregistrée en brouillon : ajoutez ses sessions, puis publiez-la."
            )
            return redirect("of:catalogue:action", numero=action.numero)
    return render(
        request, "of/catalogue/action_form.html", {"form": form, "formation": formation, "action": None}
    )


@organisme_required
@require_http_methods(["GET", "POST"])
def detail(request, numero: str):
    action = _action_or_404(request, numero)
    initial = {name: getattr(action, name) for name in FIELDS}
    initial |= {"taux_tva": action.taux_tva * 100, "commune": label_of(action.commune)}
    form = ActionForm(data=request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        updated = save_or_attach(request, form, update_action, action=action, **form.values())
        if updated is not None:
            if updated.status != action.status:
                messages.warning(
                    request,
                    "Modifications enregistrées. L'action ne peut plus être proposée aux élus : "
                    "elle repasse en brouillon.",
                )
            else:
                messages.success(request, "Modifications enregistrées.")
            return redirect("of:catalogue:action", numero=action.numero)
    check = eligibility.check_action(action, today=timezone.localdate())
    context = {
        "form": form,
        "formation": action.formation,
        "action": action,
        "check": check,
        "reasons_by_session": {c.session.pk: c.reasons for c in check.sessions},
        "sessions": action.sessions.order_by("debut", "id"),
        "fiche_url": reverse(
            "public:formation:fiche",
            kwargs={"numero_action": action.numero, "numero_formation": action.formation.numero},
        ),
    }
    return render(request, "of/catalogue/action_form.html", context)


@organisme_required
@require_POST
def publier(request, numero: str):
    action = _action_or_404(request, numero)
    publish_or_explain(
        request,
        publish_action,
        "Action publiée : elle est proposée aux élus dans la recherche.",
        action=action,
    )
    return redirect("of:catalogue:action", numero=action.numero)


@organisme_required
@require_POST
def fermer(request, numero: str):
    action = _action_or_404(request, numero)
    close_or_404(request, close_action, "Action fermée : elle n'est plus proposée aux élus.", action=action)
    return redirect("of:catalogue:action", numero=action.numero)
