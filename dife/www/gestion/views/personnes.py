"""Gestionnaire: find a person of the registry; their identity, mandates, DIFE ledger and reservations;
manual adjustment and mandate changes with a mandatory reason (rules in dife.rights / dife.mandates)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dife.accounts.perms import gestionnaire_required
from dife.core.formatting import euros
from dife.mandates import services as mandate_services
from dife.mandates.models import Mandate, Person
from dife.mandates.selectors import mandates_with_history, search_persons
from dife.mandates.windows import windows_for
from dife.rights import services as rights_services
from dife.rights.exceptions import RightsRefused
from dife.rights.selectors import pending_reservations, rights_summary
from dife.www.gestion.forms.personnes import AdjustmentForm, CloseMandateForm, MandateForm

LEDGER_PAGE_SIZE = 20


@gestionnaire_required
@require_GET
def recherche(request):
    query = request.GET.get("q", "").strip()
    persons = list(search_persons(query)) if query else []
    return render(request, "gestion/personnes/recherche.html", {"query": query, "persons": persons})


def _fiche_context(request, person: Person, **forms) -> dict:
    today = timezone.localdate()
    summary = rights_summary(person, today)
    page = Paginator(summary.history, LEDGER_PAGE_SIZE).get_page(request.GET.get("page"))
    return {
        "person": person,
        "summary": summary,
        "ledger": page,
        "reservations": pending_reservations(person),
        "mandates": mandates_with_history(person),
        "windows": windows_for(person, on=today),
        "adjustment_form": forms.get("adjustment_form") or AdjustmentForm(),
        "add_form": forms.get("add_form") or MandateForm(),
    }


@gestionnaire_required
@require_GET
def fiche(request, pk: int):
    person = get_object_or_404(Person, pk=pk)
    return render(request, "gestion/personnes/fiche.html", _fiche_context(request, person))


@gestionnaire_required
@require_POST
def ajustement(request, pk: int):
    person = get_object_or_404(Person, pk=pk)
    form = AdjustmentForm(data=request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            entry = rights_services.adjust(
                person=person, amount=data["montant"], reason=data["motif"], actor=request.user,
                key=f"gestion-ajustement:{data['cle']}", on=data["date_effet"] or None, request=request,
            )  # fmt: skip
        except RightsRefused as refusal:
            form.add_error("montant", str(refusal))
        else:
            messages.success(
                request, f"Ajustement de {euros(entry.amount, sign=True)} enregistré : "
                f"solde {euros(entry.balance_after)}.",
            )  # fmt: skip
            return redirect("gestion:personne", pk=person.pk)
    context = _fiche_context(request, person, adjustment_form=form)
    return render(request, "gestion/personnes/fiche.html", context, status=400)


@gestionnaire_required
@require_POST
def ajout_mandat(request, pk: int):
    person = get_object_or_404(Person, pk=pk)
    form = MandateForm(data=request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        reason = data.pop("motif")
        try:
            mandate_services.add_mandate(
                person=person, reason=reason, actor=request.user, request=request, **data
            )
        except mandate_services.MandateChangeRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, "Mandat ajouté.")
            return redirect("gestion:personne", pk=person.pk)
    context = _fiche_context(request, person, add_form=form)
    return render(request, "gestion/personnes/fiche.html", context, status=400)


def _mandate(pk: int, mandate_pk: int) -> Mandate:
    return get_object_or_404(Mandate.objects.select_related("person"), pk=mandate_pk, person_id=pk)


@gestionnaire_required
@require_http_methods(["GET", "POST"])
def corriger_mandat(request, pk: int, mandate_pk: int):
    mandate = _mandate(pk, mandate_pk)
    form = MandateForm.for_mandate(mandate, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        reason = data.pop("motif")
        try:
            mandate_services.correct_mandate(
                mandate=mandate, reason=reason, actor=request.user, request=request, **data
            )
        except mandate_services.MandateChangeRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, "Mandat corrigé.")
            return redirect("gestion:personne", pk=pk)
    return _mandate_page(request, mandate, form, "Corriger le mandat", "Enregistrer la correction")


@gestionnaire_required
@require_http_methods(["GET", "POST"])
def clore_mandat(request, pk: int, mandate_pk: int):
    mandate = _mandate(pk, mandate_pk)
    form = CloseMandateForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            mandate_services.close_mandate(
                mandate=mandate, end_date=form.cleaned_data["end_date"], reason=form.cleaned_data["motif"],
                actor=request.user, request=request,
            )  # fmt: skip
        except mandate_services.MandateChangeRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, "Mandat clos.")
            return redirect("gestion:personne", pk=pk)
    return _mandate_page(request, mandate, form, "Clore le mandat", "Clore le mandat")


def _mandate_page(request, mandate: Mandate, form, title: str, submit: str):
    status = 400 if request.method == "POST" else 200
    context = {"person": mandate.person, "mandate": mandate, "form": form, "title": title, "submit": submit}
    return render(request, "gestion/personnes/mandat.html", context, status=status)
