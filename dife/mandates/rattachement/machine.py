"""The rattachement workflow (a review request, ``dife.reviews``), declared once.

pending → approved   gestionnaire   « Compte rattaché » (with the register person)
pending → refused    gestionnaire   « Demande refusée » (with a reason)
"""

from __future__ import annotations

from django.utils import timezone

from dife.core.formatting import long_date
from dife.mandates.models import RattachementRequest, RattachementTransition
from dife.notifications.services import queue
from dife.reviews.machine import ReviewMachine, Rule

S = RattachementRequest.Status
GESTIONNAIRE = "gestionnaire"
ELU = "elu"


def has_person(rattachement: RattachementRequest) -> str | None:
    if rattachement.person_id is None:
        return "Choisissez la personne du registre à qui rattacher ce compte."
    return None


RULES: tuple[Rule, ...] = (
    Rule(S.PENDING, S.APPROVED, GESTIONNAIRE, "Compte rattaché", has_person),
    Rule(S.PENDING, S.REFUSED, GESTIONNAIRE, "Demande refusée"),
)


def notify(rattachement: RattachementRequest) -> None:
    """The decision, by e-mail to the élu."""
    email = rattachement.user.email
    if not email:
        return
    queue(
        to=email,
        template="rattachement_decision",
        context={
            "approved": rattachement.status == S.APPROVED,
            "requested_on": long_date(timezone.localdate(rattachement.created_at)),
            "refusal_reason": rattachement.refusal_reason,
        },
        dedup_key=f"mandates.rattachement:{rattachement.pk}:{rattachement.status}",
    )


MACHINE = ReviewMachine(
    model=RattachementRequest,
    log=RattachementTransition,
    rules=RULES,
    audit_name="mandates.rattachement",
    submitter=ELU,
    already_pending="Vous avez déjà une demande de rattachement en cours d'examen.",
    notify=notify,
)
