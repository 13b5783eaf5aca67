"""A dossier's pages and messages quote the delays in force on the day the rule applies to it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from dife.core.parameters import DatedValue, Parameter
from dife.core.parameters_data import REGISTRY
from dife.enrollment.presentation import elu_message
from tests.enrollment import factories as f
from tests.enrollment.helpers import text

pytestmark = pytest.mark.django_db


def test_sent_dossier_keeps_its_delay_new_pages_say_the_new_one(client, monkeypatch, organisme, places, elu):
    future = f.future_action(organisme, places["Orléans"])
    session = future.sessions.order_by("debut").first()
    dossier = f.apply(elu, session, now=timezone.now() - timedelta(days=1))  # sent yesterday: 2 days
    key = "enrollment.of_answer_business_days"
    current = REGISTRY[key]  # the law changes today: 3 business days (test value, data table patched)
    values = (*current.values, DatedValue(3, timezone.localdate(), "Valeur de test"))
    monkeypatch.setitem(REGISTRY, key, Parameter(current.key, current.label, current.unit, values))

    f.sign_in_elu(client, elu)
    sent = text(client.get(f"/dossiers/{dossier.numero}/envoyee"))
    assert "a 2 jours ouvrés pour répondre à votre demande d'inscription" in sent
    assert "qui a 2 jours ouvrés pour y répondre" in elu_message(dossier)

    later = future.sessions.order_by("debut").last()
    form = text(client.get(f"/formation/{future.numero}/inscription?session={later.pk}"))
    assert "L'organisme a 3 jours ouvrés pour répondre" in form
