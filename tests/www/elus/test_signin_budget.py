"""Security review F2: a success resets only the failures of the account that signed in, and each
address has its own, larger budget of failures that no success clears."""

from __future__ import annotations

import pytest

from tests.accounts.fixtures import NIR_A, NIR_B, PASSWORD, make_elu, nir_with_key

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.50"


def attempt(client, nir, password, address=ADDRESS):
    return client.post("/connexion", {"nir": nir, "password": password}, REMOTE_ADDR=address)


def test_interleaved_successes_from_the_same_address_do_not_save_the_victim(client):
    make_elu(NIR_A, "Victime", email="victime@example.fr")
    make_elu(NIR_B, "Attaquant", email="attaquant@example.fr")
    statuses = []
    for _ in range(10):
        for _ in range(4):
            statuses.append(attempt(client, NIR_A, "Mauvais-1!").status_code)
        assert attempt(client, NIR_B, PASSWORD).status_code == 302  # the attacker's own account
        client.post("/deconnexion", REMOTE_ADDR=ADDRESS)
    # Locked by the 5th wrong guess overall, and from then on.
    assert statuses[:4] == [400] * 4 and set(statuses[4:]) == {429}
    assert attempt(client, NIR_A, PASSWORD, address="198.51.100.1").status_code == 429


def test_an_address_spraying_many_accounts_is_stopped_by_its_own_budget(client, settings):
    make_elu(NIR_A, "Lefèvre")
    limit = settings.SIGN_IN_FAILURES_PER_ADDRESS
    assert limit >= 20  # larger than the per-account limit: a town hall shares one address
    for i in range(limit):
        if i == limit // 2:  # a success halfway does not clear the address's budget
            assert attempt(client, NIR_A, PASSWORD).status_code == 302
            client.post("/deconnexion", REMOTE_ADDR=ADDRESS)
        response = attempt(client, nir_with_key(f"2850675{i:06d}"), "Mauvais-1!")
        assert response.status_code in (400, 429)
    assert response.status_code == 429  # the failure that spends the budget already answers 429
    assert attempt(client, NIR_A, PASSWORD).status_code == 429
    assert "Trop de tentatives de connexion" in response.content.decode()
    # The accounts themselves are not locked: from another address the right password works.
    assert attempt(client, NIR_A, PASSWORD, address="198.51.100.2").status_code == 302
