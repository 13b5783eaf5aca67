"""«Vos dossiers de formation»: the list, one dossier with its stepper and history, the sent page."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from dife.accounts.perms import elu_required
from dife.core.formatting import deadline_text
from dife.enrollment import selectors
from dife.enrollment.documents import serve_force_majeure
from dife.enrollment.presentation import dossier_params, elu_message, motif_text
from dife.enrollment.services import cancellation_preview, funding_preview
from dife.enrollment.states import CONFIRMED, State
from dife.www.elus import dossiers_display as display
from dife.www.elus.dossier_buttons import elu_buttons
from dife.www.elus.forms.dossiers import ReglementForm
from dife.www.elus.views.dossiers.common import own_dossier


@elu_required
@require_GET
def liste(request):
    now = timezone.now()
    rows = [display.row(d, now) for d in selectors.dossiers_of_elu(request.user)]
    return render(request, "elus/dossiers/liste.html", {"rows": rows})


def detail_context(request, dossier, **extra) -> dict:
    now = timezone.now()
    buttons = elu_buttons(dossier, now)
    settlement = getattr(dossier, "settlement", None) if dossier.state not in (State.SUBMITTED,) else None
    context = {
        "dossier": dossier,
        "params": dossier_params(dossier),
        "row": display.row(dossier, now),
        "stepper": display.stepper(dossier),
        "message": elu_message(dossier),
        "motif": motif_text(dossier) if dossier.motif or dossier.motif_detail else "",
        "log": selectors.log_of(dossier),
        "settlement": settlement,
        "confirmed": dossier.state in CONFIRMED,
        "answer": buttons.answer,
        "cancel": buttons.cancel,
        "reglement_form": extra.pop("reglement_form", None) or ReglementForm(),
        "show_reglement": dossier.state in CONFIRMED
        and bool(dossier.reste_a_payer)
        and dossier.reste_paid_at is None,
    }
    if buttons.answer:
        context["plan"] = funding_preview(dossier.person, dossier.price)
        context["echeance"] = deadline_text(dossier.deadline)
    if dossier.state == State.ACCEPTED:
        context["preview"] = cancellation_preview(dossier=dossier)
    return context | extra


@elu_required
@require_GET
def detail(request, numero: str):
    dossier = own_dossier(request, numero)
    return render(request, "elus/dossiers/detail.html", detail_context(request, dossier))


@elu_required
@require_GET
def envoyee(request, numero: str):
    dossier = own_dossier(request, numero)
    context = {
        "dossier": dossier,
        "echeance": deadline_text(dossier.deadline),
        "params": dossier_params(dossier),
    }
    return render(request, "elus/dossiers/envoyee.html", context)


@elu_required
@require_GET
def justificatif(request, numero: str):
    return serve_force_majeure(own_dossier(request, numero))
