"""Staff sign-in through Django's test client: password, then TOTP (enrolment or code)."""

import re
from urllib.parse import urlsplit

from django.contrib.auth import SESSION_KEY
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from dife.audit.models import Event
from dife.organisations.services import invite
from dife.organisations.services.totp import base32_secret
from tests.organisations.fixtures import PASSWORD, device_of, make_staff, next_code, wrong_code


def _password_step(client, email, password=PASSWORD, next_url=None):
    data = {"email": email, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post("/pro/connexion", data)


def test_sign_in_with_password_then_totp_lands_on_own_space(client, of_admin):
    client.get("/pro/connexion")
    anonymous_key = client.session.session_key
    response = _password_step(client, "ADMIN@organisme-a.test ")
    assert response.status_code == 302 and response["Location"] == "/pro/double-authentification"
    password_key = client.session.session_key
    assert password_key != anonymous_key
    assert client.session[SESSION_KEY] == str(of_admin.pk)
    # Password alone: the space sends to the code step, it does not open.
    space = client.get("/of/")
    assert space.status_code == 302
    assert space["Location"] == "/pro/double-authentification?next=/of/"
    page = client.get("/pro/double-authentification")
    assert "Code à 6 chiffres" in page.content.decode()
    response = client.post("/pro/double-authentification", {"code": next_code(device_of(of_admin))})
    assert response.status_code == 302 and response["Location"] == "/of/"
    assert client.session.session_key != password_key  # rotated again once verified
    assert client.session[DEVICE_ID_SESSION_KEY] == device_of(of_admin).persistent_id
    dashboard = client.get("/of/")
    assert dashboard.status_code == 200
    html = dashboard.content.decode()
    assert "<h1>Mon organisme</h1>" in html and "Organisme A (fictif)" in html
    assert "Dossiers à traiter" in html and "Mon catalogue" in html
    actions = list(Event.objects.filter(actor=of_admin).values_list("action", flat=True).order_by("pk"))
    assert actions == ["staff.session.password_accepted", "staff.session.signed_in"]


def test_next_is_kept_through_both_steps(client, gestionnaire):
    response = client.get("/gestion/inviter")
    assert response["Location"] == "/pro/connexion?next=/gestion/inviter"
    response = _password_step(client, gestionnaire.email, next_url="/gestion/inviter")
    assert response["Location"] == "/pro/double-authentification?next=%2Fgestion%2Finviter"
    response = client.post(
        "/pro/double-authentification",
        {"code": next_code(device_of(gestionnaire)), "next": "/gestion/inviter"},
    )
    assert response["Location"] == "/gestion/inviter"
    # An outside address is never followed.
    client.post("/pro/deconnexion")
    _password_step(client, gestionnaire.email)
    response = client.post(
        "/pro/double-authentification",
        {"code": next_code(device_of(gestionnaire)), "next": "https://evil.test/"},
    )
    assert response["Location"] == "/gestion/"


def test_first_sign_in_enrols_a_totp_device_with_a_qr_code(client, of_org):
    user = make_staff("nouveau@organisme-a.test", of_org, "agent", totp_device=False)
    _password_step(client, user.email)
    response = client.get("/pro/double-authentification")
    assert response["Location"] == "/pro/double-authentification/activation"
    page = client.get("/pro/double-authentification/activation")
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = base32_secret(device)
    assert re.search(r"<svg [^>]*role=\"img\"", html) and "<path d=" in html
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in html
    # Our CSP forbids inline scripts: the page has none (only the nonce'd DSFR module/loader).
    assert all("nonce=" in tag or "src=" in tag for tag in re.findall(r"<script[^>]*>", html))
    # Reloading keeps the same secret.
    assert secret in client.get("/pro/double-authentification/activation").content.decode().replace(" ", "")
    bad = client.post("/pro/double-authentification/activation", {"code": "12345"})
    assert "exactement 6 chiffres" in bad.content.decode()
    response = client.post("/pro/double-authentification/activation", {"code": next_code(device)})
    assert response.status_code == 302 and response["Location"] == "/of/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/of/").status_code == 200
    assert Event.objects.filter(action="staff.totp.enrolled", actor=user).exists()


def test_enrolled_user_cannot_enrol_another_device_after_a_password_alone(client, of_admin):
    _password_step(client, of_admin.email)
    response = client.get("/pro/double-authentification/activation")
    assert response["Location"] == "/pro/double-authentification"
    assert TOTPDevice.objects.filter(user=of_admin).count() == 1


def test_wrong_code_is_refused_then_throttled(client, collectivite_agent):
    device = device_of(collectivite_agent)
    _password_step(client, collectivite_agent.email)
    response = client.post("/pro/double-authentification", {"code": wrong_code(device)})
    assert response.status_code == 200
    assert "Code incorrect ou expiré" in response.content.decode()
    # Right after a failure, even the right code waits (django-otp's exponential back-off).
    response = client.post("/pro/double-authentification", {"code": next_code(device)})
    assert "Trop de codes erronés" in response.content.decode()
    assert client.get("/collectivite/").status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    assert Event.objects.filter(action="staff.totp.failed", actor=collectivite_agent).count() == 1
    assert Event.objects.filter(action="staff.totp.throttled", actor=collectivite_agent).count() == 1


def test_each_kind_lands_on_its_own_space(client, gestionnaire, collectivite_agent):
    for user, space in ((gestionnaire, "/gestion/"), (collectivite_agent, "/collectivite/")):
        _password_step(client, user.email)
        response = client.post("/pro/double-authentification", {"code": next_code(device_of(user))})
        assert response["Location"] == space
        assert client.get(space).status_code == 200
        client.post("/pro/deconnexion")


def test_sign_out_is_a_post_and_ends_the_session(client, of_admin):
    _password_step(client, of_admin.email)
    client.post("/pro/double-authentification", {"code": next_code(device_of(of_admin))})
    assert client.get("/pro/deconnexion").status_code == 405
    response = client.post("/pro/deconnexion", follow=True)
    assert "Vous êtes déconnecté." in response.content.decode()
    assert SESSION_KEY not in client.session
    assert client.get("/of/")["Location"] == "/pro/connexion?next=/of/"
    assert Event.objects.filter(action="staff.session.signed_out", actor=of_admin).exists()


def test_invitation_link_to_account_to_totp_to_space(
    client, of_admin, of_org, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(by=of_admin, email="collegue@organisme-a.test", organisation=of_org, role="agent")
    link = re.search(r"http://\S+/pro/invitation/\S+", mailoutbox[0].body).group(0)
    path = urlsplit(link).path
    response = client.get(path)
    assert response["Location"] == "/pro/invitation"  # the token leaves the address bar
    page = client.get("/pro/invitation")
    assert (
        "collegue@organisme-a.test" in page.content.decode()
        and "Organisme A (fictif)" in page.content.decode()
    )
    data = {
        "first_name": "Inès",
        "last_name": "Durand",
        "password": "Un-Bon-Mot2passe",
        "password_confirmation": "x",
    }
    response = client.post("/pro/invitation", data)
    assert "Les deux mots de passe ne sont pas identiques." in response.content.decode()
    assert 'value="Inès"' in response.content.decode()  # nothing typed is lost
    response = client.post("/pro/invitation", {**data, "password_confirmation": data["password"]})
    assert response["Location"] == "/pro/double-authentification/activation"
    client.get("/pro/double-authentification/activation")
    device = TOTPDevice.objects.get(user__username="collegue@organisme-a.test", confirmed=False)
    response = client.post("/pro/double-authentification/activation", {"code": next_code(device)})
    assert response["Location"] == "/of/"
    html = client.get("/of/").content.decode()
    assert "Inès Durand" in html and "Inviter un collègue" not in html  # an agent does not invite
    # The link was single use.
    client.post("/pro/deconnexion")
    client.get(path)
    used = client.get("/pro/invitation")
    assert used.status_code == 404 and "déjà été utilisée" in used.content.decode()


def test_verified_user_visiting_sign_in_goes_to_its_space(client, collectivite_agent):
    from tests.organisations.fixtures import verify_session

    verify_session(client, collectivite_agent)
    assert client.get("/pro/connexion")["Location"] == "/collectivite/"


def test_inactive_account_gets_the_generic_answer(client, of_admin):
    of_admin.is_active = False
    of_admin.save()
    response = client.post("/pro/connexion", {"email": of_admin.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "Adresse e-mail ou mot de passe incorrect." in response.content.decode()
    assert SESSION_KEY not in client.session
