"""Gestionnaire queue of manual identity verifications: list, detail with the documents, decision."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from dife.accounts.perms import gestionnaire_required
from dife.core.parameters import int_value
from dife.identity import documents, elu_accounts, selectors
from dife.identity.models import IdentityVerification
from dife.identity.selectors import TARGET_KEY
from dife.identity.services import verification as services
from dife.www.gestion.forms.verifications import DecisionForm
from dife.www.gestion.views.decisions import decision_row


def _pending_or_any(public_id) -> IdentityVerification:
    verification = (
        IdentityVerification.objects.select_related("user", "decided_by").filter(public_id=public_id).first()
    )
    if verification is None:
        raise Http404
    return verification


@gestionnaire_required
@require_GET
def queue(request):
    days = int_value(TARGET_KEY, timezone.localdate())
    pending = [
        {"verification": v, "decision_by": timezone.localdate(v.created_at) + timedelta(days=days)}
        for v in selectors.pending_verifications()
    ]
    context = {
        "pending": pending,
        "decisions": [
            decision_row(v, nom=f"{v.user.last_name} {v.user.first_name}", motif=v.refusal_reason)
            for v in selectors.decided_verifications()
        ],
        "days": days,
        "today": timezone.localdate(),
    }
    return render(request, "gestion/verifications/liste.html", context)


def _detail_context(verification: IdentityVerification, form: DecisionForm) -> dict:
    account = elu_accounts.account_identity(verification.user)
    profile = getattr(verification.user, "elu_profile", None)
    days = int_value(TARGET_KEY, timezone.localdate())
    return {
        "verification": verification,
        "account": account,
        "nir_masque": profile.nir_masque if profile is not None else "",
        "form": form,
        "decision_by": timezone.localdate(verification.created_at) + timedelta(days=days),
    }


@gestionnaire_required
@require_GET
@never_cache
def detail(request, public_id):
    verification = _pending_or_any(public_id)
    return render(request, "gestion/verifications/detail.html", _detail_context(verification, DecisionForm()))


@gestionnaire_required
@require_POST
def decide(request, public_id):
    verification = _pending_or_any(public_id)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["decision"] == "approve":
                services.approve(verification=verification, by=request.user, request=request)
                messages.success(request, "Identité vérifiée : l'élu est prévenu par e-mail.")
            else:
                services.refuse(
                    verification=verification,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                    request=request,
                )
                messages.success(request, "Demande refusée : l'élu est prévenu par e-mail avec le motif.")
        except services.ReviewRefused as exc:
            messages.error(request, exc.message)
        except ValidationError as exc:
            form.add_error("reason", exc)
        else:
            return redirect("gestion:verifications_identite")
    return render(
        request, "gestion/verifications/detail.html", _detail_context(verification, form), status=400
    )


@gestionnaire_required
@require_GET
def document(request, public_id, side: str):
    return documents.serve_identity_document(_pending_or_any(public_id), side)
