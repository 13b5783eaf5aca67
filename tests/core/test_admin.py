"""The technical administration (security review F4): off the default path, a TOTP code required,
no TOTP key anywhere, memberships and invitations read-only, every change journalled."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django_otp.plugins.otp_totp.models import TOTPDevice

from dife.accounts.models import User
from dife.audit.models import Event
from dife.organisations.models import Invitation, Membership, Organisation
from tests.organisations.fixtures import PASSWORD, device_of, make_staff, next_code

pytestmark = pytest.mark.django_db

ADMIN = "/gestion-technique/"


@pytest.fixture
def superuser(db) -> User:
    user = User.objects.create_superuser(username="admin", email="admin@dife.test", password=PASSWORD)
    TOTPDevice.objects.create(user=user, name="admin", confirmed=True)
    return user


def admin_sign_in(client, user, code: str | None):
    data = {"username": user.username, "password": PASSWORD, "next": ADMIN}
    if code is not None:
        data |= {"otp_device": device_of(user).persistent_id, "otp_token": code}
    return client.post(ADMIN + "login/?next=" + ADMIN, data)


def test_the_default_path_answers_404_and_the_setting_moves_it(client, settings):
    assert settings.ADMIN_URL == "gestion-technique/"
    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 404
    response = client.get(ADMIN)
    assert response.status_code == 302 and response["Location"].startswith(ADMIN + "login/")


def test_a_password_alone_does_not_open_the_administration(client, superuser):
    response = admin_sign_in(client, superuser, code=None)
    assert response.status_code == 200
    assert client.get(ADMIN).status_code == 302  # still the login page
    response = admin_sign_in(client, superuser, code="000000")
    assert client.get(ADMIN).status_code == 302


def test_password_and_totp_open_the_administration(client, superuser):
    response = admin_sign_in(client, superuser, code=next_code(device_of(superuser)))
    assert response.status_code == 302
    assert client.get(ADMIN).status_code == 200


def test_no_totp_key_and_read_only_memberships(client, superuser, of_org):
    staff = make_staff("agent@organisme.test", of_org, "agent")
    admin_sign_in(client, superuser, code=next_code(device_of(superuser)))
    for model in ("totpdevice", "staticdevice", "hotpdevice", "emaildevice"):
        assert client.get(f"{ADMIN}otp_totp/{model}/").status_code == 404
    key = device_of(staff).key
    assert key not in client.get(ADMIN).content.decode()
    membership = Membership.objects.get(user=staff)
    assert client.get(f"{ADMIN}organisations/membership/add/").status_code == 403
    page = client.get(f"{ADMIN}organisations/membership/{membership.pk}/change/")
    assert page.status_code == 200 and b'name="_save"' not in page.content
    response = client.post(
        f"{ADMIN}organisations/membership/{membership.pk}/change/",
        {"user": superuser.pk, "organisation": of_org.pk, "role": "admin"},
    )
    assert response.status_code == 403
    assert Membership.objects.get(pk=membership.pk).user == staff
    assert client.get(f"{ADMIN}organisations/membership/{membership.pk}/delete/").status_code == 403
    assert client.get(f"{ADMIN}organisations/invitation/add/").status_code == 403
    assert not admin.site.is_registered(TOTPDevice)
    assert admin.site.is_registered(Invitation)


def test_admin_changes_are_journalled_with_the_address(client, superuser, of_org):
    admin_sign_in(client, superuser, code=next_code(device_of(superuser)))
    url = f"{ADMIN}organisations/organisation/{of_org.pk}/change/"
    form = {
        "nom": "Nouveau nom",
        "kind": of_org.kind,
        "siret": of_org.siret,
        "collectivite_type": of_org.collectivite_type,
        "collectivite_code": of_org.collectivite_code,
        "created_at_0": "26/11/2026",
        "created_at_1": "10:00:00",
    }
    response = client.post(url, form, REMOTE_ADDR="198.51.100.30")
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Organisation.objects.get(pk=of_org.pk).nom == "Nouveau nom"
    event = Event.objects.get(action="admin.object.changed")
    assert event.actor == superuser and event.ip_address == "198.51.100.30"
    assert event.target_type == "organisations.organisation" and event.target_id == str(of_org.pk)


def test_the_demo_admin_has_a_working_printed_totp_key(client):
    from base64 import b32decode

    from django_otp.oath import totp

    from devtools.demo import core as demo

    assert "créé" in demo.load() and "déjà présent" in demo.load()
    user = User.objects.get(username=demo.USERNAME)
    (line,) = demo.accounts()
    assert "/gestion-technique/" in line and demo.totp_secret() in line
    device = device_of(user)
    assert b32decode(demo.totp_secret()) == device.bin_key
    code = f"{totp(device.bin_key, step=30, t0=0, digits=6, drift=0):06d}"
    client.post(
        ADMIN + "login/",
        {
            "username": "admin",
            "password": demo.PASSWORD,
            "otp_device": device.persistent_id,
            "otp_token": code,
        },
    )
    assert client.get(ADMIN).status_code == 200
