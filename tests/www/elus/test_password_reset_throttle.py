"""Forgotten password: anyone who knows a NIR cannot flood its owner's mailbox; the page keeps saying
the same thing, and a new hour allows a new link."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from dife.accounts.services.auth import MAX_RESET_EMAILS_PER_HOUR
from dife.audit.models import Event
from tests.accounts.fixtures import NIR_A, make_elu
from tests.www.elus.test_password_reset import SENT
from tests.www.elus.test_wizard import text

pytestmark = pytest.mark.django_db


def test_reset_emails_are_capped_per_account_and_hour(client, mailoutbox, monkeypatch):
    make_elu(NIR_A, "Lefèvre", email="camille@example.fr")
    for _ in range(MAX_RESET_EMAILS_PER_HOUR + 2):
        response = client.post("/mot-de-passe-oublie", {"nir": NIR_A})
        assert response.status_code == 200 and SENT in text(response)
    assert len(mailoutbox) == MAX_RESET_EMAILS_PER_HOUR
    throttled = Event.objects.filter(action="accounts.password.reset_requested", data__reason="throttled")
    assert throttled.count() == 2 and all(e.target_id for e in throttled)

    later = timezone.now() + timedelta(hours=1, minutes=1)  # the clock moves on an hour
    monkeypatch.setattr(timezone, "now", lambda: later)
    client.post("/mot-de-passe-oublie", {"nir": NIR_A})
    assert len(mailoutbox) == MAX_RESET_EMAILS_PER_HOUR + 1
