"""The client's address behind trusted proxies (security review F3): one helper for django-axes,
the throttles and the audit journal; a client cannot choose its address with its own header."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory

from dife.audit.models import Event
from dife.core.client_ip import client_ip
from tests.accounts.fixtures import NIR_A, PASSWORD, make_elu

PROXY = "10.0.0.5"


def request_from(remote: str, forwarded: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("203.0.113.7", "1.2.3.4")) == "203.0.113.7"
    assert client_ip(None) is None


def test_one_proxy_the_client_is_the_address_it_appended(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from(PROXY, "198.51.100.20")) == "198.51.100.20"
    # The client sends its own X-Forwarded-For: the proxy appends the real address after it.
    assert client_ip(request_from(PROXY, "1.2.3.4, 198.51.100.20")) == "198.51.100.20"
    assert client_ip(request_from(PROXY, "1.2.3.4,198.51.100.20")) == "198.51.100.20"


def test_two_proxies_and_malformed_or_missing_headers(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from(PROXY, "1.2.3.4, 198.51.100.20, 10.0.0.9")) == "198.51.100.20"
    assert client_ip(request_from(PROXY, "198.51.100.20")) == PROXY  # not through both proxies
    assert client_ip(request_from(PROXY, "junk, 10.0.0.9")) == PROXY
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from(PROXY, "")) == PROXY
    assert client_ip(request_from(PROXY, "2001:db8::1")) == "2001:db8::1"


@pytest.mark.django_db
def test_sign_in_throttling_and_the_journal_use_the_forwarded_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    user = make_elu(NIR_A, "Lefèvre")
    headers = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.20"}
    client.post("/connexion", {"nir": NIR_A, "password": "faux"}, **headers)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.20"}
    response = client.post("/connexion", {"nir": NIR_A, "password": PASSWORD}, **headers)
    assert response.status_code == 302
    event = Event.objects.get(action="accounts.session.signed_in")
    assert event.actor == user and event.ip_address == "198.51.100.20"
