"""E-mails of the dossiers (queued in the outbox in the transaction of the change, sent after commit).

* the élu, at every state change: "Changement de statut de votre dossier";
* the OF: a new request ("[Non traité] Dossier de formation n°…"), the élu's confirmation,
  cancellations and expiries, the validation of the service fait; late declarations ("[En retard]").
"""

from __future__ import annotations

from dife.core.formatting import deadline_text
from dife.enrollment.presentation import (
    OF_MESSAGES,
    elu_deadline,
    elu_first_name,
    elu_message,
    elu_name,
    elu_next_step,
    of_expected_action,
    of_message,
    session_text,
)
from dife.enrollment.states import elu_label, of_label
from dife.notifications.services import Message, queue_many
from dife.organisations.models import Membership

ELU_URL = "/dossiers/{numero}"
OF_URL = "/of/dossiers/{numero}"


def of_recipients(organisation_ids) -> dict[int, list[str]]:
    """E-mail addresses of each OF: its catalog contact and its members."""
    from dife.catalog.models import OrganismeProfile

    found: dict[int, set[str]] = {pk: set() for pk in organisation_ids}
    for org_id, email in Membership.objects.filter(
        organisation_id__in=organisation_ids, user__is_active=True
    ).values_list("organisation_id", "user__email"):
        if email:
            found[org_id].add(email.lower())
    for org_id, email in OrganismeProfile.objects.filter(pk__in=organisation_ids).values_list(
        "pk", "contact_email"
    ):
        if email:
            found[org_id].add(email.lower())
    return {pk: sorted(emails) for pk, emails in found.items()}


def _common(dossier) -> dict:
    return {
        "numero": dossier.numero,
        "formation": dossier.action.formation.intitule,
        "organisme": dossier.organisme.organisation.nom,
        "session": session_text(dossier.session.debut, dossier.session.fin),
    }


def elu_email(dossier) -> Message:
    context = {
        **_common(dossier),
        "prenom": elu_first_name(dossier.elu),
        "statut": elu_label(dossier.state),
        "message": elu_message(dossier),
        "prochaine_etape": elu_next_step(dossier) if dossier.is_open else "",
        "echeance": deadline_text(elu_deadline(dossier)),
        "url": ELU_URL.format(numero=dossier.numero),
    }
    return Message(
        to=dossier.elu.email,
        template="dossier_statut",
        context=context,
        dedup_key=f"dossier:{dossier.pk}:{dossier.state}:elu",
    )


def of_emails(dossier, *, template: str = "of_dossier", key: str = "") -> list[Message]:
    recipients = of_recipients([dossier.organisme_id])[dossier.organisme_id]
    key = key or f"dossier:{dossier.pk}:{dossier.state}"
    return _of_messages(dossier, recipients, template=template, key=key)


def state_changed(dossier, *, source: str) -> None:
    messages = [elu_email(dossier)]
    if dossier.state in OF_MESSAGES:
        messages += of_emails(dossier)
    queue_many(messages)


def declaration_late(dossier) -> None:
    queue_many(of_emails(dossier, template="of_retard", key=f"dossier:{dossier.pk}:{dossier.state}:retard"))


def _bulk(dossiers, build) -> None:
    recipients = of_recipients({d.organisme_id for d in dossiers})
    messages: list[Message] = []
    for dossier in dossiers:
        messages += build(dossier, recipients.get(dossier.organisme_id, []))
    queue_many(messages)


def _of_messages(dossier, recipients, *, template: str, key: str) -> list[Message]:
    context = {
        **_common(dossier),
        "elu": elu_name(dossier.elu),
        "statut": of_label(dossier.state),
        "message": of_message(dossier),
        "action_attendue": of_expected_action(dossier.state),
        "echeance": deadline_text(dossier.deadline),
        "url": OF_URL.format(numero=dossier.numero),
    }
    return [
        Message(to=to, template=template, context=context, dedup_key=f"{key}:of:{to}"[:120])
        for to in recipients
    ]


def bulk_state_changed(dossiers) -> None:
    """The e-mails of many state changes at once (the sweep): one query for the OFs' addresses."""

    def build(dossier, recipients):
        messages = [elu_email(dossier)]
        if dossier.state in OF_MESSAGES:
            key = f"dossier:{dossier.pk}:{dossier.state}"
            messages += _of_messages(dossier, recipients, template="of_dossier", key=key)
        return messages

    _bulk(dossiers, build)


def bulk_declaration_late(dossiers) -> None:
    def build(dossier, recipients):
        key = f"dossier:{dossier.pk}:{dossier.state}:retard"
        return _of_messages(dossier, recipients, template="of_retard", key=key)

    _bulk(dossiers, build)
