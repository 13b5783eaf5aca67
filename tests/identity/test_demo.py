"""The demo loader: fictional élus in the mandate registry, matching the local provider's identities."""

from __future__ import annotations

import pytest

from devtools.demo import identity as demo
from devtools.idp import identities
from dife.accounts.models import EluProfile
from dife.core.names import matching_key
from dife.mandates.models import Mandate, Person
from tests.identity.conftest import franceconnect_round_trip, text

pytestmark = pytest.mark.django_db


def test_load_is_idempotent_and_adds_the_fictional_elus():
    first = demo.load()
    second = demo.load()
    assert "4 élus fictifs" in first and "déjà présent" in second
    with_mandate = [i for i in identities.IDENTITIES if i["mandate"]]
    assert len(with_mandate) >= 3
    assert Person.objects.count() == len(with_mandate)
    assert Mandate.objects.count() == len(with_mandate)
    angele = identities.get("angele")
    person = Person.objects.get(
        matching_key=matching_key(angele["family_name"], angele["given_name"], angele["birthdate"])
    )
    mandate = person.mandates.get()
    assert (mandate.collectivite_code, mandate.fonction, mandate.kind) == ("45021", "MAI", "municipal")
    assert mandate.source_id < 0  # never an id of the register
    assert EluProfile.objects.count() == 1
    assert any("FranceConnect+ local" in line for line in demo.accounts())


def test_the_demo_password_account_is_linked_with_its_password_after_franceconnect(
    client, fake_franceconnect
):
    demo.load()
    response = franceconnect_round_trip(client, fake_franceconnect, identity=demo.PASSWORD_ACCOUNT)
    assert response["Location"] == "/franceconnect/complement"
    nir = identities.get(demo.PASSWORD_ACCOUNT)["nir"]
    response = client.post("/franceconnect/lier", {"nir": nir, "password": demo.PASSWORD})
    assert response.status_code == 302
    profile = EluProfile.objects.get()
    assert int(client.session["_auth_user_id"]) == profile.user_id
    assert profile.prenoms == identities.get(demo.PASSWORD_ACCOUNT)["given_name"]


def test_a_demo_elu_signing_up_with_franceconnect_sees_his_elu_account(client, fake_franceconnect):
    """The whole chain: FranceConnect+ identity → account with verified identity → mandate registry."""
    demo.load()
    response = franceconnect_round_trip(client, fake_franceconnect, identity="angele")
    response = client.post(response["Location"], {"nir": identities.get("angele")["nir"]})
    assert response["Location"] == "/franceconnect/demande-enregistree"
    response = franceconnect_round_trip(client, fake_franceconnect, identity="angele")
    assert response["Location"] == "/droits"
    page = text(client.get("/droits"))
    assert "Votre compte élu" in page
    assert "Barville-en-Gâtinais" in page
