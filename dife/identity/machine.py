"""The identity verification workflow (a review request, ``dife.reviews``), declared once.

pending → approved   gestionnaire   « Identité vérifiée »
pending → refused    gestionnaire   « Demande refusée » (with a reason)
"""

from __future__ import annotations

from django.utils import timezone

from dife.core.formatting import long_date
from dife.identity.models import IdentityVerification, VerificationTransition
from dife.notifications.services import queue
from dife.reviews.machine import ReviewMachine, Rule

S = IdentityVerification.Status
GESTIONNAIRE = "gestionnaire"
ELU = "elu"

RULES: tuple[Rule, ...] = (
    Rule(S.PENDING, S.APPROVED, GESTIONNAIRE, "Identité vérifiée"),
    Rule(S.PENDING, S.REFUSED, GESTIONNAIRE, "Demande refusée"),
)


def notify(verification: IdentityVerification) -> None:
    """The decision, by e-mail to the élu (« identité vérifiée » or the refusal with its reason)."""
    user = verification.user
    if not user.email:
        return
    queue(
        to=user.email,
        template="verification_decided",
        context={
            "first_name": user.first_name,
            "approved": verification.status == S.APPROVED,
            "requested_on": long_date(timezone.localdate(verification.created_at)),
            "refusal_reason": verification.refusal_reason,
        },
        dedup_key=f"identity.verification:{verification.pk}:{verification.status}",
    )


MACHINE = ReviewMachine(
    model=IdentityVerification,
    log=VerificationTransition,
    rules=RULES,
    audit_name="identity.verification",
    submitter=ELU,
    already_pending=(
        "Vous avez déjà une demande de vérification en cours : attendez la décision avant d'en envoyer "
        "une autre."
    ),
    notify=notify,
)
