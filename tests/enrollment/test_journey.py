"""The whole road of a dossier through the services, with the ledger and the e-mails it produces."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from dife.enrollment import services
from dife.enrollment.models import Dossier, Transition
from dife.notifications.models import Email
from dife.rights.models import Entry, RightsAccount
from tests.enrollment import factories as f

pytestmark = pytest.mark.django_db


def test_from_request_to_service_fait_validated(session, elu, of_user, gestionnaire):
    monday = f.at(date(2026, 5, 4), "10:00")
    dossier = f.apply(elu, session, now=monday)
    assert dossier.state == "submitted"
    assert dossier.deadline == f.at(date(2026, 5, 6), "23:59").replace(second=59, microsecond=999999)
    assert dossier.departement == "45"

    dossier = services.propose(dossier=dossier, by=of_user, now=f.at(date(2026, 5, 5)))
    assert dossier.state == "proposed"
    # 4 business days after Tuesday 5 May: 6, 7, (8 May holiday), 11, 12 → Tuesday 12 May
    assert dossier.deadline.date() == date(2026, 5, 12)

    dossier = services.confirm(dossier=dossier, by=elu, identity_verified=True, now=f.at(date(2026, 5, 6)))
    assert (dossier.state, dossier.rights_engaged, dossier.reste_a_payer) == (
        "accepted",
        D("300.00"),
        D("0.00"),
    )
    account = RightsAccount.objects.get(person=f.person_of(elu))
    assert (account.balance, account.reserved) == (D("800.00"), D("300.00"))

    dossier = f.walk(dossier, "service_declared", of_user=of_user, elu=elu)
    assert dossier.settlement.of_amount == D("300.00")
    assert dossier.settlement.status == "to_validate"

    services.validate_settlement(
        settlement_id=dossier.settlement.pk, by=gestionnaire, now=f.at(date(2026, 6, 17))
    )
    dossier = Dossier.objects.get(pk=dossier.pk)
    assert dossier.state == "service_validated"
    assert dossier.settlement.payment_due_on == date(2026, 7, 17)  # 30 calendar days
    account.refresh_from_db()
    assert (account.balance, account.reserved) == (D("500.00"), D("0.00"))
    entries = Entry.objects.filter(dossier_reference=dossier.ledger_reference).order_by("id")
    assert [(e.kind, e.amount, e.reserved_change) for e in entries] == [
        ("reservation", D("0.00"), D("300.00")),
        ("consumption", D("-300.00"), D("-300.00")),
    ]
    log = list(Transition.objects.filter(dossier=dossier).values_list("from_state", "to_state", "actor_kind"))
    assert log == [
        ("", "submitted", "elu"),
        ("submitted", "proposed", "organisme"),
        ("proposed", "accepted", "elu"),
        ("accepted", "in_training", "organisme"),
        ("in_training", "exited", "organisme"),
        ("exited", "service_declared", "organisme"),
        ("service_declared", "service_validated", "gestionnaire"),
    ]
    subjects = list(Email.objects.filter(to=elu.email).values_list("subject", "template"))
    assert len(subjects) == 7 and {t for _, t in subjects} == {"dossier_statut"}
    of_templates = sorted(Email.objects.filter(to=of_user.email).values_list("context__statut", flat=True))
    assert of_templates == ["Accepté", "Non traité", "Service fait validé"]
