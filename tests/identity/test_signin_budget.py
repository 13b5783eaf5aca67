"""Security review F2 for FranceConnect+: a FranceConnect+ sign-in resets no other account's failures."""

from __future__ import annotations

import pytest

from devtools.idp import identities
from devtools.idp.testing import CLIENT_ID
from dife.identity.models import FranceConnectLink
from tests.identity.conftest import PASSWORD, franceconnect_round_trip, make_elu

pytestmark = pytest.mark.django_db


def test_franceconnect_sign_ins_do_not_reset_the_victims_failures(client, fake_franceconnect):
    victim = identities.get("helene")
    make_elu("helene")
    signer = make_elu("angele")
    FranceConnectLink.objects.create(user=signer, sub=identities.sub_for("angele", CLIENT_ID), last_acr="")
    statuses = []
    for _ in range(3):
        for _ in range(4):
            response = client.post("/connexion", {"nir": victim["nir"], "password": "Mauvais-1!"})
            statuses.append(response.status_code)
        assert franceconnect_round_trip(client, fake_franceconnect, identity="angele").status_code == 302
        assert int(client.session["_auth_user_id"]) == signer.pk
        client.post("/deconnexion")
    assert statuses[:4] == [400] * 4 and set(statuses[4:]) == {429}
    assert client.post("/connexion", {"nir": victim["nir"], "password": PASSWORD}).status_code == 429
