"""Security review F2 for the staff sign-in: another account's success does not reset the failures."""

from __future__ import annotations

import pytest

from tests.organisations.fixtures import PASSWORD, make_staff


@pytest.mark.django_db
def test_interleaved_staff_successes_do_not_save_the_victim(client, of_org):
    victim = make_staff("victime@organisme.test", of_org, "admin")
    attacker = make_staff("attaquant@organisme.test", of_org, "agent")
    statuses = []
    for _ in range(10):
        for i in range(4):
            response = client.post("/pro/connexion", {"email": victim.email, "password": f"mauvais-{i}"})
            statuses.append(response.status_code)
        response = client.post("/pro/connexion", {"email": attacker.email, "password": PASSWORD})
        assert response.status_code == 302
        client.post("/pro/deconnexion")
    assert statuses[:4] == [200] * 4 and set(statuses[4:]) == {429}
    response = client.post("/pro/connexion", {"email": victim.email, "password": PASSWORD})
    assert response.status_code == 429
