""" "Dossiers à traiter": the OF's queue and one dossier with the OF's decisions and declarations.

Only dossiers of the user's organisation exist here (anything else answers 404). Rules, deadlines
and amounts are the enrollment services'; this module shows them and passes the forms' values.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from dife.accounts.perms import organisme_required
from dife.core.formatting import deadline_text
from dife.core.parameter_text import text as param_text
from dife.enrollment import perms, selectors, services
from dife.enrollment.choices import CategorieSocioprofessionnelle, Objectif
from dife.enrollment.documents import serve_force_majeure
from dife.enrollment.errors import EnrollmentError, NotAllowed
from dife.enrollment.presentation import (
    countdown,
    dossier_params,
    elu_name,
    motif_text,
    of_expected_action,
    session_text,
)
from dife.enrollment.states import CONFIRMED, State, of_label
from dife.www.of import dossier_buttons
from dife.www.of.forms.dossiers import (
    FORMS,
    AbsenceForm,
    AnnulationForm,
    EntreeForm,
    RefusForm,
    ServiceFaitForm,
    SortieForm,
)


def _dossier(request, numero: str):
    dossier = perms.dossier_for(request.user, numero)
    if dossier is None:
        raise Http404
    return dossier


def _row(dossier, now) -> dict:
    late = dossier.deadline is not None and now > dossier.deadline
    return {
        "dossier": dossier,
        "statut": of_label(dossier.state),
        "badge": "new" if dossier.state == State.SUBMITTED else "info",
        "elu": elu_name(dossier.elu),
        "session": session_text(dossier.session.debut, dossier.session.fin),
        "action": of_expected_action(dossier.state),
        "echeance": deadline_text(dossier.deadline),
        "decompte": countdown(dossier.deadline, dossier.departement, now),
        "late": late and bool(of_expected_action(dossier.state)),
    }


@organisme_required
@require_GET
def liste(request):
    now = timezone.now()
    tous = request.GET.get("filtre") == "tous"
    rows = [_row(d, now) for d in selectors.of_queue(request.user, todo_only=not tous)[:500]]
    counts = selectors.of_counts(request.user)
    context = {"rows": rows, "tous": tous, "non_traites": counts.get(State.SUBMITTED, 0)}
    return render(request, "of/dossiers/liste.html", context)


def _initial_forms(dossier) -> dict:
    today = timezone.localdate()
    return {
        "refus": RefusForm(),
        "annulation": AnnulationForm(),
        "entree": EntreeForm(initial={"date": min(today, dossier.session.debut)}),
        "absence": AbsenceForm(),
        "sortie": SortieForm(
            initial={"date": min(today, dossier.session.fin), "heures": dossier.planned_hours}
        ),
        "service_fait": ServiceFaitForm(initial={"heures": dossier.attended_hours}),
    }


def _detail(request, dossier, *, bound: tuple[str, forms.Form] | None = None, status: int = 200):
    now = timezone.now()
    forms_by_name = _initial_forms(dossier)
    if bound:
        forms_by_name[bound[0]] = bound[1]
    params = dossier_params(dossier)
    context = {
        "dossier": dossier,
        "params": params,
        "row": _row(dossier, now),
        "actions": dossier_buttons.blocks(dossier, forms_by_name, params, now),
        "categorie": CategorieSocioprofessionnelle(dossier.categorie_socioprofessionnelle).label,
        "objectif": Objectif(dossier.objectif).label,
        "motif": motif_text(dossier) if dossier.motif or dossier.motif_detail else "",
        "confirmed": dossier.state in CONFIRMED,
        "settlement": getattr(dossier, "settlement", None),
        "log": selectors.log_of(dossier),
    }
    return render(request, "of/dossiers/detail.html", context, status=status)


@organisme_required
@require_GET
def detail(request, numero: str):
    return _detail(request, _dossier(request, numero))


def _run(request, numero: str, form_name: str | None, action, success: str):
    """Validate the form (if any), call the service, come back to the dossier with a message."""
    dossier = _dossier(request, numero)
    form = FORMS[form_name](request.POST, request.FILES) if form_name else None
    if form is not None and not form.is_valid():
        return _detail(request, dossier, bound=(form_name, form), status=400)
    try:
        action(dossier, form.cleaned_data if form is not None else {})
    except NotAllowed:
        raise Http404 from None
    except EnrollmentError as error:
        if form is not None and error.field in form.fields:
            form.add_error(error.field, error.message)
            return _detail(request, dossier, bound=(form_name, form), status=400)
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("of:dossier", numero=dossier.numero)


@organisme_required
@require_POST
def proposer(request, numero):
    return _run(
        request, numero, None, lambda d, _: services.propose(dossier=d, by=request.user, request=request),
        "Proposition envoyée : l'élu a "
        f"{param_text('enrollment.elu_confirmation_business_days', timezone.localdate())} "
        "pour confirmer son inscription.",
    )  # fmt: skip


@organisme_required
@require_POST
def refuser(request, numero):
    def act(d, data):
        services.refuse(
            dossier=d, by=request.user, motif=data["motif"], detail=data["detail"], request=request
        )

    return _run(request, numero, "refus", act, "Demande refusée : l'élu est informé du motif.")


@organisme_required
@require_POST
def entree(request, numero):
    def act(d, data):
        services.declare_entry(dossier=d, by=request.user, entered_on=data["date"], request=request)

    return _run(request, numero, "entree", act, "Entrée en formation déclarée.")


@organisme_required
@require_POST
def absence(request, numero):
    def act(d, data):
        services.declare_no_show(
            dossier=d, by=request.user, force_majeure_document=data.get("justificatif"), request=request
        )

    return _run(
        request, numero, "absence", act, "Non-présentation déclarée : le gestionnaire du fonds la validera."
    )


@organisme_required
@require_POST
def sortie(request, numero):
    def act(d, data):
        services.declare_exit(
            dossier=d,
            by=request.user,
            exited_on=data["date"],
            attended_hours=data["heures"],
            force_majeure_document=data.get("justificatif"),
            request=request,
        )

    return _run(request, numero, "sortie", act, "Sortie de formation déclarée.")


@organisme_required
@require_POST
def service_fait(request, numero):
    def act(d, data):
        services.declare_service_fait(
            dossier=d, by=request.user, attended_hours=data["heures"], request=request
        )

    return _run(
        request, numero, "service_fait", act, "Service fait déclaré : le gestionnaire du fonds va le valider."
    )


@organisme_required
@require_POST
def annuler(request, numero):
    def act(d, data):
        services.cancel_by_of(
            dossier=d, by=request.user, motif=data["motif"], detail=data["detail"], request=request
        )

    return _run(request, numero, "annulation", act, "Inscription annulée : les droits de l'élu sont libérés.")


@organisme_required
@require_GET
def justificatif(request, numero):
    return serve_force_majeure(_dossier(request, numero))
