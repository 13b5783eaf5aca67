"""The states of an enrollment dossier (PRODUCT.md §5) and what each party reads for them.

The internal value is English; the élu and the OF each see their own French label, worded as the
national service and the seeds word them. The transitions between states are in ``machine.py``.
"""

from __future__ import annotations

from django.db import models


class State(models.TextChoices):
    """Labels are the élu's ("Vos dossiers de formation")."""

    SUBMITTED = "submitted", "Demande d'inscription envoyée"
    PROPOSED = "proposed", "Proposition de l'organisme — à confirmer"
    ACCEPTED = "accepted", "Inscription validée"
    IN_TRAINING = "in_training", "En formation"
    EXITED = "exited", "Formation terminée"
    SERVICE_DECLARED = "service_declared", "Formation terminée"
    SERVICE_VALIDATED = "service_validated", "Formation terminée"
    REFUSED_BY_OF = "refused_by_of", "Refusé par l'organisme"
    EXPIRED_OF = "expired_of", "Annulé sans suite"
    CANCELLED_BY_ELU = "cancelled_by_elu", "Annulé à votre demande"
    REFUSED_BY_ELU = "refused_by_elu", "Proposition déclinée"
    EXPIRED_ELU = "expired_elu", "Annulé sans suite"
    CANCELLED_BY_OF = "cancelled_by_of", "Annulé par l'organisme"


OF_LABELS: dict[str, str] = {
    State.SUBMITTED: "Non traité",
    State.PROPOSED: "Validé",
    State.ACCEPTED: "Accepté",
    State.IN_TRAINING: "En formation",
    State.EXITED: "Sortie de formation",
    State.SERVICE_DECLARED: "Service fait déclaré",
    State.SERVICE_VALIDATED: "Service fait validé",
    State.REFUSED_BY_OF: "Refusé",
    State.EXPIRED_OF: "Annulé sans suite",
    State.CANCELLED_BY_ELU: "Annulé par le titulaire",
    State.REFUSED_BY_ELU: "Refusé par le titulaire",
    State.EXPIRED_ELU: "Annulé sans suite",
    State.CANCELLED_BY_OF: "Annulé par l'organisme",
}

# A dossier is open until it is refused, cancelled or expired; at most one open dossier per élu and
# session (partial unique index on these states).
OPEN = (
    State.SUBMITTED,
    State.PROPOSED,
    State.ACCEPTED,
    State.IN_TRAINING,
    State.EXITED,
    State.SERVICE_DECLARED,
    State.SERVICE_VALIDATED,
)
CLOSED = (
    State.REFUSED_BY_OF,
    State.EXPIRED_OF,
    State.CANCELLED_BY_ELU,
    State.REFUSED_BY_ELU,
    State.EXPIRED_ELU,
    State.CANCELLED_BY_OF,
)
# Confirmed by the élu: a seat is taken and the funding plan is fixed.
CONFIRMED = (
    State.ACCEPTED,
    State.IN_TRAINING,
    State.EXITED,
    State.SERVICE_DECLARED,
    State.SERVICE_VALIDATED,
)
ENTERED = (State.IN_TRAINING, State.EXITED, State.SERVICE_DECLARED, State.SERVICE_VALIDATED)
# Waiting for someone else than the gestionnaire: the periodic task watches their deadline.
EXPIRING = (State.SUBMITTED, State.PROPOSED)
OF_DECLARATION_DUE = (State.ACCEPTED, State.IN_TRAINING, State.EXITED)

# "Vos dossiers de formation": the DSFR stepper of the journey.
STEPS = (
    "Demande d'inscription envoyée",
    "Proposition de l'organisme",
    "Inscription validée",
    "En formation",
    "Formation terminée",
)
STEP_OF_STATE: dict[str, int] = {
    State.SUBMITTED: 1,
    State.PROPOSED: 2,
    State.ACCEPTED: 3,
    State.IN_TRAINING: 4,
    State.EXITED: 5,
    State.SERVICE_DECLARED: 5,
    State.SERVICE_VALIDATED: 5,
    State.REFUSED_BY_OF: 1,
    State.EXPIRED_OF: 1,
    State.CANCELLED_BY_ELU: 3,
    State.REFUSED_BY_ELU: 2,
    State.EXPIRED_ELU: 2,
    State.CANCELLED_BY_OF: 3,
}


def elu_label(state: str) -> str:
    return State(state).label


def of_label(state: str) -> str:
    return OF_LABELS[State(state)]
