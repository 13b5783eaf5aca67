"""Gestionnaire queue of rattachement requests: list, detail with the documents and the candidate
register persons, decision (approve with a person, or refuse with a reason)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from dife.accounts.perms import gestionnaire_required
from dife.mandates import selectors
from dife.mandates.models import Person, RattachementRequest
from dife.mandates.rattachement import services
from dife.mandates.rattachement.documents import serve_rattachement_document
from dife.www.gestion.forms.rattachements import DecisionForm
from dife.www.gestion.views.decisions import decision_row


def _get(pk: int) -> RattachementRequest:
    rattachement = (
        RattachementRequest.objects.select_related("user", "decided_by", "person").filter(pk=pk).first()
    )
    if rattachement is None:
        raise Http404
    return rattachement


@gestionnaire_required
@require_GET
def queue(request):
    decided = selectors.queue(status=None).exclude(status=RattachementRequest.Status.PENDING)[:30]
    context = {
        "pending": list(selectors.queue()),
        "decisions": [
            decision_row(r, nom=f"{r.nom_naissance} {r.prenoms}", motif=r.refusal_reason) for r in decided
        ],
    }
    return render(request, "gestion/rattachements/liste.html", context)


def _render_detail(request, rattachement, form, status=200):
    search = request.GET.get("recherche", "").strip()
    candidates = selectors.candidate_persons(rattachement, search=search)
    by_person = selectors.mandates_by_person(candidates)
    context = {
        "rattachement": rattachement,
        "form": form,
        "search": search,
        "candidates": [(p, by_person[p.pk]) for p in candidates],
    }
    return render(request, "gestion/rattachements/detail.html", context, status=status)


@never_cache
@gestionnaire_required
@require_GET
def detail(request, pk: int):
    return _render_detail(request, _get(pk), DecisionForm())


@gestionnaire_required
@require_POST
def decide(request, pk: int):
    rattachement = _get(pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, rattachement, form, status=400)
    try:
        if form.cleaned_data["decision"] == "approve":
            person = Person.objects.filter(pk=form.cleaned_data["person"]).first()
            if person is None:
                raise Http404
            services.approve_rattachement(
                rattachement=rattachement, person=person, by=request.user, request=request
            )
            messages.success(request, "Le compte est rattaché ; l'élu est prévenu par courriel.")
        else:
            services.refuse_rattachement(
                rattachement=rattachement,
                reason=form.cleaned_data["motif"],
                by=request.user,
                request=request,
            )
            messages.success(
                request, "La demande est refusée ; l'élu est prévenu par courriel avec le motif."
            )
    except services.ReviewRefused as error:
        messages.error(request, error.message)
    except ValidationError as error:
        form.add_error(None, error)
        return _render_detail(request, rattachement, form, status=400)
    return redirect("gestion:rattachements")


@never_cache
@gestionnaire_required
def document(request, pk: int, kind: str):
    return serve_rattachement_document(_get(pk), kind)
