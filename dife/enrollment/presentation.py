"""What each party reads about a dossier: labels, next step, deadline wording (French).

Used by the pages and by the e-mails, so both say the same thing.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from dife.core.formatting import euros, jour
from dife.core.parameter_text import PageParameters
from dife.core.parameter_text import text as param_text
from dife.enrollment.deadlines import business_days_left, proposed_on, sent_on
from dife.enrollment.states import State


def session_text(debut: date, fin: date) -> str:
    return f"du {jour(debut)} au {jour(fin)}"


def elu_first_name(user) -> str:
    profile = getattr(user, "elu_profile", None)
    prenoms = (getattr(profile, "prenoms", "") or "").split()
    return user.first_name or (prenoms[0] if prenoms else "")


def elu_name(user) -> str:
    """How the OF and the gestionnaire see the élu: first name and name (birth name when unknown)."""
    profile = getattr(user, "elu_profile", None)
    name = f"{elu_first_name(user)} {user.last_name or getattr(profile, 'nom_naissance', '')}".strip()
    return name or user.email


def elu_next_step(dossier) -> str:
    """The élu's next step in "Vos dossiers de formation"."""
    state, debut = dossier.state, dossier.session.debut
    return {
        State.SUBMITTED: "Attendre la réponse de l'organisme de formation",
        State.PROPOSED: "Confirmer l'inscription",
        State.ACCEPTED: f"Vous présenter à la formation le {jour(debut)}",
        State.IN_TRAINING: f"Suivre la formation jusqu'au {jour(dossier.session.fin)}",
        State.EXITED: "L'organisme déclare le service fait",
        State.SERVICE_DECLARED: "Le gestionnaire du fonds valide le service fait",
        State.SERVICE_VALIDATED: "Aucune : la formation est terminée et réglée",
    }.get(state, "Aucune : ce dossier est clos")


def elu_deadline(dossier) -> datetime | None:
    """The deadline the élu should know about (his own, or the OF's answer)."""
    if dossier.state in (State.SUBMITTED, State.PROPOSED):
        return dossier.deadline
    return None


def of_expected_action(state: str) -> str:
    return {
        State.SUBMITTED: "Proposer une inscription ou refuser la demande",
        State.ACCEPTED: "Déclarer l'entrée en formation",
        State.IN_TRAINING: "Déclarer la sortie de formation",
        State.EXITED: "Déclarer le service fait",
    }.get(state, "")


def _of_answer(dossier) -> str:
    return param_text("enrollment.of_answer_business_days", sent_on(dossier))


def _elu_confirmation(dossier) -> str:
    return param_text("enrollment.elu_confirmation_business_days", proposed_on(dossier))


def session_params(session) -> PageParameters:
    """``{{ params.* }}`` for a page about a session: the lead time is the one of its start."""
    return PageParameters(dates={"proposal_lead": session.debut})


def dossier_params(dossier) -> PageParameters:
    """``{{ params.* }}`` for a dossier's pages: each delay as in force on the day it applies to."""
    return PageParameters(
        dates={
            "of_answer": sent_on(dossier),
            "elu_confirmation": proposed_on(dossier),
            "proposal_lead": dossier.session.debut,
        }
    )


def elu_message(dossier) -> str:
    """One sentence for the élu's e-mail about the new state."""
    of = dossier.organisme.organisation.nom
    message = ELU_MESSAGES.get(dossier.state)
    return message(dossier, of) if message else ""


def _elu_accepted(dossier, of: str) -> str:
    text = "Votre inscription est validée."
    if dossier.rights_engaged:
        text += f" {euros(dossier.rights_engaged)} de vos droits DIFE sont réservés pour cette formation."
    if dossier.reste_a_payer:
        text += f" Reste à payer : {euros(dossier.reste_a_payer)}."
    return text


def _elu_service_declared(dossier, of: str) -> str:
    if dossier.no_show:
        return f"{of} a déclaré que vous ne vous êtes pas présenté à la formation."
    return f"{of} a déclaré le service fait. Le gestionnaire du fonds va le valider."


# state → sentence(dossier, name of the OF)
ELU_MESSAGES = {
    State.SUBMITTED: lambda dossier, of: (
        f"Votre demande d'inscription a bien été envoyée à {of}, qui a {_of_answer(dossier)} pour y répondre."
    ),
    State.PROPOSED: lambda dossier, of: (
        f"{of} vous propose une inscription : confirmez-la dans les {_elu_confirmation(dossier)} "
        "pour mobiliser votre DIFE (« Confirmer l'inscription » puis « Je confirme mon inscription »)."
    ),
    State.ACCEPTED: _elu_accepted,
    State.IN_TRAINING: lambda dossier, of: (
        f"{of} a déclaré votre entrée en formation le {jour(dossier.entered_on)}."
    ),
    State.EXITED: lambda dossier, of: (
        f"{of} a déclaré votre sortie de formation le {jour(dossier.exited_on)}."
    ),
    State.SERVICE_DECLARED: _elu_service_declared,
    State.SERVICE_VALIDATED: lambda dossier, of: (
        "Le service fait est validé par le gestionnaire du fonds : votre dossier est terminé."
    ),
    State.REFUSED_BY_OF: lambda dossier, of: (
        f"{of} a refusé votre demande d'inscription. Motif : {motif_text(dossier)}."
    ),
    State.EXPIRED_OF: lambda dossier, of: (
        f"{of} n'a pas répondu dans le délai de {_of_answer(dossier)} : "
        "votre demande est annulée sans suite. "
        "Vous pouvez faire une nouvelle demande."
    ),
    State.CANCELLED_BY_ELU: lambda dossier, of: "Votre inscription est annulée à votre demande.",
    State.REFUSED_BY_ELU: lambda dossier, of: "Vous avez décliné la proposition de l'organisme.",
    State.EXPIRED_ELU: lambda dossier, of: (
        f"Vous n'avez pas confirmé votre inscription dans le délai de {_elu_confirmation(dossier)} : "
        "le dossier est "
        "annulé sans suite et vos droits ne sont pas mobilisés."
    ),
    State.CANCELLED_BY_OF: lambda dossier, of: (
        f"{of} a annulé votre inscription. Motif : {motif_text(dossier)}. Vos droits réservés sont libérés."
    ),
}


OF_MESSAGES = {
    State.SUBMITTED: (
        "Vous avez reçu une nouvelle demande d'inscription : elle est à traiter dans les {of_answer}."
    ),
    State.ACCEPTED: "L'élu a confirmé son inscription : son financement est réservé.",
    State.CANCELLED_BY_ELU: "L'élu a annulé sa demande d'inscription.",
    State.REFUSED_BY_ELU: "L'élu a décliné votre proposition d'inscription.",
    State.EXPIRED_OF: (
        "Vous n'avez pas répondu dans le délai de {of_answer} : la demande est annulée sans suite."
    ),
    State.EXPIRED_ELU: (
        "L'élu n'a pas confirmé votre proposition dans le délai de {elu_confirmation} : annulé sans suite."
    ),
    State.SERVICE_VALIDATED: (
        "Le gestionnaire du fonds a validé le service fait : le montant dû vous sera versé."
    ),
}


def of_message(dossier) -> str:
    """The OF's sentence for the dossier's state, with the delays in force for this dossier."""
    message = OF_MESSAGES.get(dossier.state, "")
    if "{" not in message:
        return message
    return message.format(of_answer=_of_answer(dossier), elu_confirmation=_elu_confirmation(dossier))


def motif_text(dossier) -> str:
    from dife.enrollment.choices import MotifAnnulationOrganisme, MotifRefus

    labels = {**dict(MotifRefus.choices), **dict(MotifAnnulationOrganisme.choices)}
    label = labels.get(dossier.motif, dossier.motif)
    if dossier.motif_detail:
        return f"{label} — {dossier.motif_detail}" if label else dossier.motif_detail
    return label or "non précisé"


def countdown(deadline, departement: str, now=None) -> str:
    """ "Reste 2 jours ouvrés", "Dernier jour", "En retard"."""
    if deadline is None:
        return ""
    now = now or timezone.now()
    if now > deadline:
        return "En retard"
    left = business_days_left(deadline, now, departement)
    if left is None:
        return ""
    if left <= 0:
        return "Dernier jour"
    return f"Reste {left} jour{'s' if left > 1 else ''} ouvré{'s' if left > 1 else ''}"
