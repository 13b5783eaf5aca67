"""Identity pages of the élu: "vérification d'identité requise" (step-up) and manual verification."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from dife.accounts.perms import elu_required
from dife.core import uploads
from dife.core.parameters import int_value
from dife.identity import documents, selectors, stepup
from dife.identity.models import IdentityVerification
from dife.identity.selectors import TARGET_KEY
from dife.identity.services import verification as services
from dife.www.elus.forms.verification import VerificationForm


def _target(verification: IdentityVerification | None) -> dict:
    days = int_value(TARGET_KEY, timezone.localdate())
    if verification is None:
        return {"days": days}
    requested_on = timezone.localdate(verification.created_at)
    return {"days": days, "requested_on": requested_on, "decision_by": requested_on + timedelta(days=days)}


def _context(request, **extra) -> dict:
    latest = selectors.latest_verification(request.user)
    return {
        "latest": latest,
        "target": _target(latest if latest and latest.is_pending else None),
        "verified": selectors.has_approved_verification(request.user),
        "session_verified": stepup.has_substantial_identity(request),
        "max_mb": uploads.MAX_MB,
        **extra,
    }


@elu_required
@require_http_methods(["GET", "POST"])
@never_cache
def verification(request):
    """Send recto and verso of an ID, then follow the request (date, two-week target, decision)."""
    form = VerificationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit(
                user=request.user,
                recto=form.cleaned_data["recto"],
                verso=form.cleaned_data["verso"],
                request=request,
            )
        except services.ReviewRefused as exc:
            messages.error(request, exc.message)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Votre demande de vérification d'identité est envoyée.")
            return redirect("elus:identite_verification")
    return render(request, "elus/verification/verification.html", _context(request, form=form))


@elu_required
@require_GET
@never_cache
def required(request):
    """Step-up page: buying a training needs an identity verified at eIDAS substantiel."""
    if stepup.has_substantial_identity(request):
        return redirect(stepup.pop_next(request) or stepup.default_next())
    return render(request, "elus/verification/requise.html", _context(request, next_url=""))


@elu_required
@require_GET
def document(request, public_id, side: str):
    verification = selectors.verification_of_user(request.user, public_id)
    if verification is None:
        raise Http404
    return documents.serve_identity_document(verification, side)
