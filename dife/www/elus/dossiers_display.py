"""How dossiers look on the élu's pages: badges, stepper, list rows (no rule here; the countdown wording is
dife.enrollment.presentation's, shared with the OF)."""

from __future__ import annotations

from dife.core.formatting import deadline_text
from dife.enrollment.presentation import countdown, elu_deadline, elu_next_step, session_text
from dife.enrollment.states import CLOSED, STEP_OF_STATE, STEPS, State, elu_label

BADGES = {
    State.SUBMITTED: "info",
    State.PROPOSED: "new",
    State.ACCEPTED: "success",
    State.IN_TRAINING: "info",
    State.EXITED: "success",
    State.SERVICE_DECLARED: "success",
    State.SERVICE_VALIDATED: "success",
    State.EXPIRED_OF: "warning",
    State.EXPIRED_ELU: "warning",
}


def badge(state: str) -> str:
    return BADGES.get(state, "error" if state in CLOSED else "info")


def stepper(dossier) -> dict:
    step = STEP_OF_STATE[dossier.state]
    return {
        "current": step,
        "total": len(STEPS),
        "title": STEPS[step - 1],
        "next": STEPS[step] if step < len(STEPS) and dossier.is_open else "",
        "closed": dossier.state in CLOSED,
    }


def row(dossier, now=None) -> dict:
    deadline = elu_deadline(dossier)
    return {
        "dossier": dossier,
        "statut": elu_label(dossier.state),
        "badge": badge(dossier.state),
        "session": session_text(dossier.session.debut, dossier.session.fin),
        "prochaine_etape": elu_next_step(dossier),
        "echeance": deadline_text(deadline),
        "decompte": countdown(deadline, dossier.departement, now),
    }
