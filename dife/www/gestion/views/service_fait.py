"""Gestionnaire: settlements to validate ("Service fait validé") with the §8 amounts; the validation
moves the élu's DIFE ledger and records the amount due to the OF for payment."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from dife.accounts.perms import gestionnaire_required
from dife.enrollment import selectors, services
from dife.enrollment.documents import serve_force_majeure
from dife.enrollment.errors import EnrollmentError
from dife.enrollment.models import Settlement
from dife.enrollment.presentation import elu_name, session_text
from dife.enrollment.states import of_label
from dife.www.gestion.forms.service_fait import ValidationForm


def _settlement(pk: int) -> Settlement:
    row = (
        Settlement.objects.select_related(
            "dossier__action__formation",
            "dossier__organisme__organisation",
            "dossier__elu",
            "dossier__session",
        )
        .filter(pk=pk)
        .first()
    )
    if row is None:
        raise Http404
    return row


@gestionnaire_required
@require_GET
def liste(request):
    rows = [
        {"settlement": s, "elu": elu_name(s.dossier.elu), "statut": of_label(s.dossier.state)}
        for s in selectors.settlements_to_validate()
    ]
    context = {"rows": rows, "validated": selectors.settlements_validated()}
    return render(request, "gestion/service_fait/liste.html", context)


def _detail(request, row: Settlement, form: ValidationForm, status: int = 200):
    dossier = row.dossier
    context = {
        "settlement": row,
        "dossier": dossier,
        "elu": elu_name(dossier.elu),
        "statut": of_label(dossier.state),
        "session": session_text(dossier.session.debut, dossier.session.fin),
        "form": form,
        "log": selectors.log_of(dossier),
        "fm_alternative": services.settle.recompute(row, force_majeure=False) if row.force_majeure else None,
    }
    return render(request, "gestion/service_fait/detail.html", context, status=status)


@gestionnaire_required
@require_GET
def detail(request, pk: int):
    return _detail(request, _settlement(pk), ValidationForm())


@gestionnaire_required
@require_POST
def valider(request, pk: int):
    row = _settlement(pk)
    form = ValidationForm(request.POST)
    if not form.is_valid():
        return _detail(request, row, form, status=400)
    try:
        services.validate_settlement(
            settlement_id=row.pk,
            by=request.user,
            force_majeure_recognised=form.cleaned_data["force_majeure"] if row.force_majeure else True,
            request=request,
        )
    except EnrollmentError as error:
        messages.error(request, error.message)
        return redirect("gestion:service_fait_detail", pk=row.pk)
    messages.success(request, f"Service fait validé pour le dossier n°{row.dossier.numero}.")
    return redirect("gestion:service_fait")


@gestionnaire_required
@require_GET
def justificatif(request, pk: int):
    return serve_force_majeure(_settlement(pk).dossier)
