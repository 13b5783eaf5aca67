"""Staff users, organisations and TOTP helpers shared by tests/organisations and tests/www/staff."""

from __future__ import annotations

import time

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from dife.accounts.models import User
from dife.organisations.models import Membership, Organisation
from dife.organisations.services import agency

PASSWORD = "Motdepasse-solide-2026!"
OF_SIRET = "04500000700018"  # fictional (see devtools/demo/organisations.py)
OTHER_SIRET = "04500001500011"  # fictional as well


def make_staff(email: str, organisation: Organisation, role: str, *, totp_device: bool = True) -> User:
    user = User.objects.create_user(
        username=email,
        email=email,
        password=PASSWORD,
        kind=organisation.kind,
        first_name="Prénom",
        last_name=email.split("@")[0].title(),
    )
    Membership.objects.create(user=user, organisation=organisation, role=role)
    if totp_device:
        TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


def device_of(user: User) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=True)


def next_code(device: TOTPDevice) -> str:
    """A code the device accepts now: current time step, or the next one if the current was used."""
    device.refresh_from_db()
    real_t = int((time.time() - device.t0) // device.step)
    now_t = real_t + device.drift
    target = max(now_t, device.last_t + 1)
    assert target <= now_t + device.tolerance, "no usable time step left: the test used too many codes"
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, target - real_t):0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    good = {f"{totp(device.bin_key, device.step, device.t0, device.digits, d):06d}" for d in range(-3, 4)}
    return next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in good)


def verify_session(client, user: User) -> None:
    """Sign ``user`` in with both factors done (setup shortcut; the real flow has its own tests)."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device_of(user).persistent_id
    session.save()


@pytest.fixture
def agency_org(db) -> Organisation:
    return agency()


@pytest.fixture
def of_org(db) -> Organisation:
    return Organisation.objects.create(
        kind=Organisation.Kind.ORGANISME, nom="Organisme A (fictif)", siret=OF_SIRET
    )


@pytest.fixture
def other_of_org(db) -> Organisation:
    return Organisation.objects.create(
        kind=Organisation.Kind.ORGANISME, nom="Organisme B (fictif)", siret=OTHER_SIRET
    )


@pytest.fixture
def collectivite_org(db) -> Organisation:
    return Organisation.objects.create(
        kind=Organisation.Kind.COLLECTIVITE,
        nom="Orléans",
        collectivite_type="commune",
        collectivite_code="45234",
    )


@pytest.fixture
def gestionnaire(agency_org) -> User:
    return make_staff("gestionnaire@agence.test", agency_org, Membership.Role.ADMIN)


@pytest.fixture
def gestionnaire_agent(agency_org) -> User:
    return make_staff("agent.gestion@agence.test", agency_org, Membership.Role.AGENT)


@pytest.fixture
def of_admin(of_org) -> User:
    return make_staff("admin@organisme-a.test", of_org, Membership.Role.ADMIN)


@pytest.fixture
def of_agent(of_org) -> User:
    return make_staff("agent@organisme-a.test", of_org, Membership.Role.AGENT)


@pytest.fixture
def collectivite_agent(collectivite_org) -> User:
    return make_staff("agent@orleans.test", collectivite_org, Membership.Role.AGENT)


@pytest.fixture
def elu(db) -> User:
    return User.objects.create_user(
        username="elu-fictif", email="elu@exemple.test", password=PASSWORD, kind=User.Kind.ELU
    )
