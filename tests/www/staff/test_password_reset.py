"""Forgotten password of a staff account: same answer for everyone, single-use link valid one hour."""

import re
from urllib.parse import urlsplit

from dife.audit.models import Event
from dife.organisations.services.password_reset import token_generator
from tests.organisations.fixtures import PASSWORD

NEW = "Nouveau-Mot2passe!"


def _request(client, email):
    return client.post("/pro/mot-de-passe-oublie", {"email": email}, follow=True)


def _link_path(mail) -> str:
    return urlsplit(re.search(r"http://\S+/pro/mot-de-passe/\S+", mail.body).group(0)).path


def test_same_answer_whether_or_not_the_account_exists(
    client, of_admin, elu, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = _request(client, of_admin.email)
        unknown = _request(client, "personne@exemple.test")
        elu_address = _request(client, elu.email)
    text = "Si un compte professionnel correspond à cette adresse"
    assert (
        text in known.content.decode()
        and text in unknown.content.decode()
        and text in elu_address.content.decode()
    )
    assert [m.to for m in mailoutbox] == [[of_admin.email]]
    assert "dans l'heure" in mailoutbox[0].body


def test_reset_link_sets_a_new_password_once(
    client, of_admin, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _request(client, of_admin.email)
    path = _link_path(mailoutbox[0])
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].endswith("/nouveau")  # token leaves the URL
    form_url = response["Location"]
    weak = client.post(form_url, {"password": "faible", "password_confirmation": "faible"})
    assert "au moins 12 caractères" in weak.content.decode()
    done = client.post(form_url, {"password": NEW, "password_confirmation": NEW}, follow=True)
    assert "Votre mot de passe est modifié" in done.content.decode()
    of_admin.refresh_from_db()
    assert of_admin.check_password(NEW) and not of_admin.check_password(PASSWORD)
    assert Event.objects.filter(action="staff.password_reset.completed", actor=of_admin).exists()
    again = client.get(client.get(path)["Location"])
    assert again.status_code == 404 and "plus valable" in again.content.decode()
    assert client.post("/pro/connexion", {"email": of_admin.email, "password": NEW}).status_code == 302


def test_reset_link_expires_after_one_hour(client, of_admin):
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    gen = token_generator
    old = gen._make_token_with_timestamp(of_admin, gen._num_seconds(gen._now()) - 3601, gen.secret)
    fresh = gen._make_token_with_timestamp(of_admin, gen._num_seconds(gen._now()) - 3500, gen.secret)
    uid = urlsafe_base64_encode(force_bytes(of_admin.pk))
    expired = client.get(client.get(f"/pro/mot-de-passe/{uid}/{old}")["Location"])
    assert expired.status_code == 404
    assert client.get(client.get(f"/pro/mot-de-passe/{uid}/{fresh}")["Location"]).status_code == 200
