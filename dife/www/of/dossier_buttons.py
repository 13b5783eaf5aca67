"""How the OF's dossier page shows what the state machine allows (``machine.actions``): one block per
allowed change, in the page's order, with its title, its form and its button, or the rule's blocking
reason. Which changes exist and why one is blocked is the machine's answer; only the wording is here."""

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
    form: str = ""  # key in the page's forms; "" for a button without fields
    multipart: bool = False
    secondary: bool = False
    alert: bool = False  # blocked: a warning and a disabled button (otherwise the reason as text)
    hidden_when_blocked: bool = False  # blocked for the same reason as the block above it
    intro: str = ""  # a sentence above a button without fields ({params.…}: the dossier's delays)


S = State
LOOKS: dict[tuple[State, State], Look] = {
    (S.SUBMITTED, S.PROPOSED): Look(
        "Répondre à la demande",
        "Proposer l’inscription",
        "of:dossier_proposer",
        alert=True,
        intro="L’élu aura {params.elu_confirmation} pour confirmer votre proposition.",
    ),
    (S.SUBMITTED, S.REFUSED_BY_OF): Look(
        "Refuser la demande", "Refuser la demande", "of:dossier_refuser", "refus", secondary=True
    ),
    (S.ACCEPTED, S.IN_TRAINING): Look(
        "Déclarer l’entrée en formation", "Déclarer l’entrée", "of:dossier_entree", "entree"
    ),
    (S.ACCEPTED, S.SERVICE_DECLARED): Look(
        "L’élu ne s’est pas présenté",
        "Déclarer une non-présentation",
        "of:dossier_absence",
        "absence",
        multipart=True,
        secondary=True,
        hidden_when_blocked=True,
    ),
    (S.ACCEPTED, S.CANCELLED_BY_OF): Look(
        "Annuler l’inscription", "Annuler l’inscription", "of:dossier_annuler", "annulation", secondary=True
    ),
    (S.IN_TRAINING, S.EXITED): Look(
        "Déclarer la sortie de formation", "Déclarer la sortie", "of:dossier_sortie", "sortie", multipart=True
    ),
    (S.EXITED, S.SERVICE_DECLARED): Look(
        "Déclarer le service fait", "Déclarer le service fait", "of:dossier_service_fait", "service_fait"
    ),
}
ORDER = list(LOOKS)


@dataclass(frozen=True)
class Block:
    look: Look
    url: str
    form: object  # the page's form for this change, None for a button without fields
    blocked: str | None  # the rule's reason, from its guard
    intro: str = ""


def blocks(dossier, forms: dict, params, now: datetime) -> list[Block]:
    """The page's blocks for the changes the OF may make now, in the page's order."""
    allowed = machine.actions(dossier, ActorKind.ORGANISME, now)
    allowed.sort(key=lambda action: ORDER.index((action.rule.source, action.target)))
    result = []
    for action in allowed:
        look = LOOKS[(action.rule.source, action.target)]
        if action.blocked and look.hidden_when_blocked:
            continue
        url = reverse(look.url_name, args=[dossier.numero])
        form = forms[look.form] if look.form else None
        result.append(Block(look, url, form, action.blocked, look.intro.format(params=params)))
    return result
