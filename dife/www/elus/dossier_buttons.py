"""How the élu's dossier pages show what the state machine allows him (``machine.actions``): the answer
to a proposal (confirm, decline) and the cancellation, each with its wording and its address. Which
changes exist is the machine's answer; only the wording is here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse

from dife.enrollment import machine
from dife.enrollment.models.transition import ActorKind
from dife.enrollment.states import State


@dataclass(frozen=True)
class Look:
    title: str
    button: str
    url_name: str
    post: bool = False  # a form posted from the dossier page (otherwise a link to the action's page)
    secondary: bool = False
    cancel: bool = False  # the "Annuler" block (otherwise the answer to the proposal)


S = State
LOOKS: dict[tuple[State, State], Look] = {
    (S.PROPOSED, S.ACCEPTED): Look(
        "Confirmer l’inscription", "Confirmer l’inscription", "elus:dossiers:confirmer"
    ),
    (S.PROPOSED, S.REFUSED_BY_ELU): Look(
        "Décliner la proposition",
        "Décliner la proposition",
        "elus:dossiers:decliner",
        post=True,
        secondary=True,
    ),
    (S.SUBMITTED, S.CANCELLED_BY_ELU): Look(
        "Retirer ma demande d’inscription", "Retirer ma demande", "elus:dossiers:annuler", cancel=True
    ),
    (S.ACCEPTED, S.CANCELLED_BY_ELU): Look(
        "Annuler mon inscription", "Annuler mon inscription", "elus:dossiers:annuler", cancel=True
    ),
}
ORDER = list(LOOKS)


@dataclass(frozen=True)
class Button:
    look: Look
    url: str
    blocked: str | None  # the rule's reason, from its guard (the next page says it when it is tried)


@dataclass(frozen=True)
class EluButtons:
    answer: list[Button]  # confirm or decline a proposal
    cancel: Button | None  # withdraw the request or cancel the enrollment


def elu_buttons(dossier, now: datetime) -> EluButtons:
    """The élu's buttons for the changes he may ask for in the dossier's state, in the page's order."""
    allowed = machine.actions(dossier, ActorKind.ELU, now)
    allowed.sort(key=lambda action: ORDER.index((action.rule.source, action.target)))
    buttons = []
    for action in allowed:
        look = LOOKS[(action.rule.source, action.target)]
        buttons.append(Button(look, reverse(look.url_name, args=[dossier.numero]), action.blocked))
    return EluButtons(
        answer=[b for b in buttons if not b.look.cancel],
        cancel=next((b for b in buttons if b.look.cancel), None),
    )
