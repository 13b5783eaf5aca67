"""Random sequences of credit / reserve / consume / release / adjust keep the ledger's invariants."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from dife.accounts.models import User
from dife.rights import crediting_rules as rules
from dife.rights import services
from dife.rights.exceptions import RightsRefused
from dife.rights.models import Entry, RightsAccount
from tests.rights.conftest import make_person

START = date(2023, 3, 30)  # ceiling 800 € from this day on
cents = st.integers(min_value=1, max_value=90_000).map(lambda n: D(n) / 100)


class Rollback(Exception):
    pass


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()  # each run is rolled back at teardown: runs never see each other
        self.person = make_person()
        self.actor, _ = User.objects.get_or_create(
            username="gestion-hyp", defaults={"kind": User.Kind.GESTIONNAIRE}
        )
        self.today = START
        self.year = START.year
        self.n = 0
        self.balance = D("0.00")
        self.open = {}  # dossier → reserved amount still open

    @initialize()
    def first_credit(self):
        self._credit()

    def key(self, prefix):
        self.n += 1
        return f"{prefix}-{self.person.pk}-{self.n}"

    def _credit(self):
        entry = services.credit(person=self.person, on=date(self.year, 3, 30), key=self.key("c"))
        expected = max(D("0"), min(D("400"), D("800") - self.balance))
        assert entry.amount == expected
        self.balance += expected
        self.year += 1
        self.today = max(self.today, date(self.year - 1, 3, 30))

    @rule()
    def credit_next_year(self):
        self._credit()

    @rule(amount=cents)
    def reserve(self, amount):
        available = self.balance - sum(self.open.values(), D("0"))
        key = self.key("r")
        if amount > available:
            with pytest.raises(RightsRefused, match="Droits disponibles insuffisants"):
                services.reserve(person=self.person, amount=amount, dossier=key, key=key)
            return
        services.reserve(person=self.person, amount=amount, dossier=key, key=key)
        self.open[key] = amount

    @precondition(lambda self: self.open)
    @rule(data=st.data())
    def consume(self, data):
        dossier = data.draw(st.sampled_from(sorted(self.open)))
        amount = data.draw(st.integers(1, int(self.open[dossier] * 100)).map(lambda n: D(n) / 100))
        services.consume(person=self.person, amount=amount, dossier=dossier, key=self.key("k"))
        self.open[dossier] -= amount
        self.balance -= amount
        if not self.open[dossier]:
            del self.open[dossier]

    @precondition(lambda self: self.open)
    @rule(data=st.data())
    def release(self, data):
        dossier = data.draw(st.sampled_from(sorted(self.open)))
        services.release(person=self.person, dossier=dossier, key=self.key("l"))
        del self.open[dossier]

    @rule(amount=cents, negative=st.booleans())
    def adjust(self, amount, negative):
        amount = -amount if negative else amount
        new = self.balance + amount
        reserved = sum(self.open.values(), D("0"))
        call = lambda: services.adjust(  # noqa: E731
            person=self.person,
            amount=amount,
            reason="Correction",
            actor=self.actor,
            key=self.key("a"),
            on=self.today,
        )
        if new > D("800") or new < reserved:
            with pytest.raises(RightsRefused):
                call()
            return
        call()
        self.balance = new

    @rule(amount=cents)
    def overdraw_is_refused(self, amount):
        reserved = sum(self.open.values(), D("0"))
        too_much = self.balance - reserved + amount
        with pytest.raises(RightsRefused):
            services.reserve(person=self.person, amount=too_much, dossier="trop", key=self.key("t"))

    @invariant()
    def ledger_is_consistent(self):
        account = RightsAccount.objects.get(person=self.person)
        entries = list(Entry.objects.filter(account=account).order_by("id"))
        reserved = sum(self.open.values(), D("0"))
        assert account.balance == self.balance == sum((e.amount for e in entries), D("0"))
        assert account.reserved == reserved == sum((e.reserved_change for e in entries), D("0"))
        assert account.available == account.balance - reserved >= 0
        assert D("0") <= account.reserved <= account.balance <= rules.ceiling(self.today)
        for entry in entries:  # never negative, never above the ceiling in force on the entry's date
            assert 0 <= entry.reserved_after <= entry.balance_after <= rules.ceiling(entry.effective_date)
        assert entries[-1].balance_after == account.balance

    def teardown(self):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)


LedgerMachine.TestCase.settings = settings(
    max_examples=25, stateful_step_count=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.mark.django_db
def test_ledger_state_machine():
    LedgerMachine.TestCase().runTest()


def test_start_is_after_the_last_ceiling_change():
    assert rules.ceiling(START) == rules.ceiling(START + timedelta(days=3650)) == D("800.00")
