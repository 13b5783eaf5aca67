"""Forgotten password: same answer whatever the NIR, e-mailed link single use and valid one hour."""

from __future__ import annotations

import re

import pytest

from dife.accounts.tokens import RESET_LINK_VALIDITY_SECONDS, reset_tokens
from tests.accounts.fixtures import NIR_A, PASSWORD, make_elu, nir_with_key
from tests.www.elus.test_wizard import text

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Nouveau-Motdepasse-2027"
SENT = "Si un compte correspond à ce numéro de sécurité sociale, un courriel vient d'être envoyé"


@pytest.fixture
def elu(db, settings):
    settings.SITE_URL = "http://testserver"  # the worker builds the link on the configured site
    return make_elu(NIR_A, "Lefèvre", email="camille@example.fr")


def link_in(mail) -> str:
    return re.search(r"http://testserver(/mot-de-passe-oublie/\S+)", mail.body).group(1)


def ask(client, nir):
    return client.post("/mot-de-passe-oublie", {"nir": nir})


def test_known_and_unknown_nir_get_the_same_answer(client, elu, mailoutbox):
    known = ask(client, "1 84 12 75 123 456 40")
    unknown = ask(client, nir_with_key("2850675056789"))
    assert SENT in text(known) and SENT in text(unknown)
    assert known.status_code == unknown.status_code == 200
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["camille@example.fr"]
    assert NIR_A not in mailoutbox[0].body and "184127" not in mailoutbox[0].body
    assert "expire dans 60 minutes" in mailoutbox[0].body


def test_reset_then_sign_in_with_the_new_password(client, elu, mailoutbox):
    ask(client, NIR_A)
    link = link_in(mailoutbox[0])
    response = client.get(link)
    # The token leaves the address bar at once (no leak through the Referer header).
    assert response.status_code == 302 and response.url.endswith("/nouveau")
    form_url = response.url
    html = text(client.get(form_url))
    assert "Choisir un nouveau mot de passe" in html
    html = text(client.post(form_url, {"password": "faible", "password_confirm": "faible"}))
    assert "au moins 12 caractères" in html
    response = client.post(form_url, {"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})
    assert response.status_code == 302 and response.url == "/connexion"
    elu.refresh_from_db()
    assert elu.check_password(NEW_PASSWORD)
    assert client.post("/connexion", {"nir": NIR_A, "password": NEW_PASSWORD}).status_code == 302


def test_a_link_serves_once(client, elu, mailoutbox):
    ask(client, NIR_A)
    link = link_in(mailoutbox[0])
    form_url = client.get(link).url
    client.post(form_url, {"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})
    other = type(client)()
    response = other.get(other.get(link).url)
    assert response.status_code == 400 and "Lien expiré ou déjà utilisé" in text(response)
    response = other.post(
        other.get(link).url, {"password": "Encore-Un-Autre-1!", "password_confirm": "Encore-Un-Autre-1!"}
    )
    assert response.status_code == 400
    elu.refresh_from_db()
    assert elu.check_password(NEW_PASSWORD)


def test_a_link_expires_after_one_hour(client, elu):
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(elu.pk))
    now = reset_tokens._num_seconds(reset_tokens._now())
    fresh = reset_tokens._make_token_with_timestamp(
        elu, now - RESET_LINK_VALIDITY_SECONDS + 60, reset_tokens.secret
    )
    stale = reset_tokens._make_token_with_timestamp(
        elu, now - RESET_LINK_VALIDITY_SECONDS - 1, reset_tokens.secret
    )
    assert reset_tokens.check_token(elu, fresh) and not reset_tokens.check_token(elu, stale)
    response = client.get(client.get(f"/mot-de-passe-oublie/{uid}/{stale}").url)
    assert response.status_code == 400
    response = client.get(client.get(f"/mot-de-passe-oublie/{uid}/{fresh}").url)
    assert response.status_code == 200 and "Choisir un nouveau mot de passe" in text(response)


def test_a_changed_email_kills_older_links(client, elu, mailoutbox):
    ask(client, NIR_A)
    link = link_in(mailoutbox[0])
    type(elu).objects.filter(pk=elu.pk).update(email="nouvelle@example.fr")
    assert client.get(client.get(link).url).status_code == 400


def test_accounts_without_email_get_nothing_but_the_same_page(client, mailoutbox):
    make_elu(NIR_A, "Sans", email="")
    assert SENT in text(ask(client, NIR_A)) and mailoutbox == []


def test_password_unchanged_until_the_form_is_sent(client, elu, mailoutbox):
    ask(client, NIR_A)
    client.get(client.get(link_in(mailoutbox[0])).url)
    elu.refresh_from_db()
    assert elu.check_password(PASSWORD)


def test_the_request_only_queues_a_job_with_the_user_id_and_the_purpose(
    elu, mailoutbox, django_capture_on_commit_callbacks
):
    """Nothing is sent on the request path, and no secret waits in the queue: the worker builds the
    single-use link when it sends."""
    from django.test import Client
    from procrastinate.contrib.django.models import ProcrastinateJob

    from dife.accounts.tasks import send_account_email
    from tests.www.elus.conftest import run_account_jobs

    plain = Client()  # no worker runs behind this one
    for nir in (NIR_A, nir_with_key("2850675056789")):
        with django_capture_on_commit_callbacks(execute=True):
            response = plain.post("/mot-de-passe-oublie", {"nir": nir})
        assert response.status_code == 200 and SENT in text(response)
    assert mailoutbox == []
    job = ProcrastinateJob.objects.get(task_name=send_account_email.name)
    assert job.args == {"user_id": elu.pk, "purpose": "password_reset"} and job.status == "todo"
    assert run_account_jobs() == 1 and len(mailoutbox) == 1
    assert mailoutbox[0].to == ["camille@example.fr"] and "expire dans 60 minutes" in mailoutbox[0].body
    assert link_in(mailoutbox[0])


def test_the_worker_sends_nothing_to_an_account_disabled_meanwhile(elu, mailoutbox):
    from dife.accounts.tasks import send_account_email

    elu.is_active = False
    elu.save(update_fields=["is_active"])
    assert send_account_email(user_id=elu.pk, purpose="password_reset") is False
    assert mailoutbox == []
