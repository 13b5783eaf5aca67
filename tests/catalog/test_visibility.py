"""The catalog's visibility rule: who sees a draft, a closed or a mandate-only action, and how much."""

from __future__ import annotations

import functools

import pytest
from django.contrib.auth.models import AnonymousUser
from django_otp.middleware import is_verified

from dife.catalog.models import Action, Contexte, Formation, Status
from dife.catalog.visibility import visibility
from dife.organisations.models import Membership
from tests.accounts.fixtures import make_elu
from tests.catalog.factories import make_organisme
from tests.organisations.fixtures import device_of, make_staff

pytestmark = pytest.mark.django_db
PUBLIEE, BROUILLON, FERMEE = Status.PUBLISHED, Status.DRAFT, Status.CLOSED


def _action(organisme, *, contexte=Contexte.RECONVERSION, formation=PUBLIEE, action=PUBLIEE) -> Action:
    return Action(
        status=action, formation=Formation(organisme=organisme, contexte=contexte, status=formation)
    )


def _signed_in(user, *, totp_passed: bool):
    """``user`` as the OTP middleware leaves it on a request (second factor passed or not)."""
    user.otp_device = device_of(user) if totp_passed else None
    user.is_verified = functools.partial(is_verified, user)
    return user


@pytest.fixture
def organisme():
    return make_organisme(nom="Organisme du catalogue (fictif)")


@pytest.fixture
def staff(organisme):
    return _signed_in(make_staff("agent@of.example", organisme.organisation, "agent"), totp_passed=True)


@pytest.fixture
def other_staff():
    other = make_organisme(nom="Autre organisme (fictif)")
    return _signed_in(make_staff("agent@autre.example", other.organisation, "agent"), totp_passed=True)


def _flags(seen) -> tuple:
    return seen.visible, seen.owner, seen.draft, seen.closed, seen.reserved, seen.calendars_offered


def test_a_listed_reconversion_action_is_seen_by_everyone(organisme, staff, other_staff):
    action = _action(organisme)
    for user in (AnonymousUser(), make_elu(), other_staff):
        assert _flags(visibility(user, action)) == (True, False, False, False, False, True)
    assert _flags(visibility(staff, action)) == (True, True, False, False, False, True)


@pytest.mark.parametrize(
    ("formation", "action"), [(BROUILLON, PUBLIEE), (PUBLIEE, BROUILLON), (BROUILLON, FERMEE)]
)
def test_a_draft_exists_only_for_the_providers_staff(organisme, staff, other_staff, formation, action):
    draft = _action(organisme, formation=formation, action=action)
    for user in (AnonymousUser(), make_elu(), other_staff):
        assert not visibility(user, draft).visible
        assert not visibility(user, draft).calendars_offered
    assert _flags(visibility(staff, draft)) == (True, True, True, False, False, True)


def test_staff_who_has_not_passed_the_second_factor_is_not_the_owner(organisme, staff):
    _signed_in(staff, totp_passed=False)
    assert not visibility(staff, _action(organisme, action=BROUILLON)).visible
    assert not visibility(staff, _action(organisme)).owner


def test_a_former_member_is_not_the_owner(organisme, staff):
    Membership.objects.filter(user=staff).delete()
    assert not visibility(staff, _action(organisme, formation=BROUILLON)).visible


@pytest.mark.parametrize(("formation", "action"), [(FERMEE, PUBLIEE), (PUBLIEE, FERMEE)])
def test_a_closed_action_is_visible_without_sessions_or_calendars(organisme, staff, formation, action):
    closed = _action(organisme, formation=formation, action=action)
    for user in (AnonymousUser(), staff):
        seen = visibility(user, closed)
        assert (seen.visible, seen.closed, seen.calendars_offered) == (True, True, False)


def test_a_mandate_training_is_reserved_to_elus_and_its_provider(organisme, staff, other_staff):
    mandat = _action(organisme, contexte=Contexte.MANDAT)
    for user in (AnonymousUser(), other_staff):
        assert _flags(visibility(user, mandat)) == (True, False, False, False, True, False)
    assert _flags(visibility(make_elu(), mandat)) == (True, False, False, False, False, True)
    assert _flags(visibility(staff, mandat)) == (True, True, False, False, False, True)


def test_an_inactive_elu_is_not_an_elu(organisme):
    elu = make_elu()
    elu.is_active = False
    assert visibility(elu, _action(organisme, contexte=Contexte.MANDAT)).reserved
