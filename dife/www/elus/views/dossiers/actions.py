"""The élu's decisions on a dossier: confirm or decline a proposal, cancel, record a transfer."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from dife.accounts.perms import elu_required
from dife.core.formatting import deadline_text
from dife.enrollment import machine, services
from dife.enrollment.errors import EnrollmentError, NotAllowed
from dife.enrollment.models.transition import ActorKind
from dife.enrollment.presentation import dossier_params
from dife.enrollment.states import State
from dife.identity.stepup import has_substantial_identity, substantial_identity_required
from dife.www.elus.dossier_buttons import elu_buttons
from dife.www.elus.forms.dossiers import AnnulationForm, ReglementForm
from dife.www.elus.views.dossiers.common import own_dossier
from dife.www.elus.views.dossiers.liste import detail_context


def _back(dossier):
    return redirect("elus:dossiers:detail", numero=dossier.numero)


@elu_required
@substantial_identity_required
@require_http_methods(["GET", "POST"])
def confirmer(request, numero: str):
    """ "Confirmer l'inscription" → the funding plan → "Je confirme mon inscription"."""
    dossier = own_dossier(request, numero)
    if State.ACCEPTED not in machine.targets(dossier.state, ActorKind.ELU):
        messages.info(request, "Ce dossier n'attend pas de confirmation de votre part.")
        return _back(dossier)
    if request.method == "POST":
        try:
            services.confirm(
                dossier=dossier,
                by=request.user,
                identity_verified=has_substantial_identity(request),
                request=request,
            )
        except NotAllowed:
            raise Http404 from None
        except EnrollmentError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Vous êtes inscrit à la formation : votre inscription est validée.")
        return _back(dossier)
    context = {
        "dossier": dossier,
        "params": dossier_params(dossier),
        "plan": services.funding_preview(dossier.person, dossier.price),
        "echeance": deadline_text(dossier.deadline),
    }
    return render(request, "elus/dossiers/confirmer.html", context)


@elu_required
@require_POST
def decliner(request, numero: str):
    dossier = own_dossier(request, numero)
    try:
        services.decline(dossier=dossier, by=request.user, request=request)
    except EnrollmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Vous avez décliné la proposition de l'organisme.")
    return _back(dossier)


@elu_required
@require_http_methods(["GET", "POST"])
def annuler(request, numero: str):
    """ "Que se passe-t-il si j'annule ?" computed for today, then the cancellation."""
    dossier = own_dossier(request, numero)
    cancel = elu_buttons(dossier, timezone.now()).cancel
    if cancel is None:
        messages.info(request, "Ce dossier ne peut plus être annulé depuis votre espace.")
        return _back(dossier)
    form = AnnulationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cancel_by_elu(
                dossier=dossier,
                by=request.user,
                force_majeure_document=form.cleaned_data.get("justificatif"),
                detail=form.cleaned_data.get("detail", ""),
                request=request,
            )
        except EnrollmentError as error:
            if error.field == "justificatif":
                form.add_error("justificatif", error.message)
            else:
                messages.error(request, error.message)
                return _back(dossier)
        else:
            messages.success(request, "Votre inscription est annulée.")
            return _back(dossier)
    today = timezone.localdate()
    context = {
        "dossier": dossier,
        "cancel": cancel,
        "form": form,
        "preview": services.cancellation_preview(dossier=dossier, on=today),
        "preview_fm": services.cancellation_preview(dossier=dossier, on=today, force_majeure=True),
        "today": today,
    }
    return render(request, "elus/dossiers/annuler.html", context, status=400 if form.errors else 200)


@elu_required
@require_POST
def reglement(request, numero: str):
    """The élu records the transfer of his reste à payer ("réglé par virement")."""
    dossier = own_dossier(request, numero)
    form = ReglementForm(request.POST)
    if form.is_valid():
        try:
            services.mark_reste_paid(
                dossier=dossier, by=request.user, reference=form.cleaned_data["reference"], request=request
            )
        except EnrollmentError as error:
            form.add_error("reference", error.message)
        else:
            messages.success(request, "Le règlement de votre reste à payer par virement est enregistré.")
            return _back(dossier)
    context = detail_context(request, dossier, reglement_form=form)
    return render(request, "elus/dossiers/detail.html", context, status=400)
