"""Linking a FranceConnect+ identity to an existing account: on sub, never on e-mail; NIR checked."""

from __future__ import annotations

from datetime import date

import pytest

from devtools.idp import identities
from devtools.idp.testing import CLIENT_ID
from dife.accounts.models import User
from dife.identity.matching import ClaimedIdentity, identity_matches, nir_agrees, same_first_names, same_name
from dife.identity.models import FranceConnectLink
from tests.identity.conftest import franceconnect_round_trip, make_elu

pytestmark = pytest.mark.django_db


def test_an_account_whose_nir_disagrees_says_nothing_at_sign_in(client, fake_franceconnect):
    # Same birth name as Angèle, but the NIR on the account is someone born in 1975 in Bordeaux: the
    # sign-in goes on to the completion like for anyone without a linked account (no oracle).
    make_elu("angele", nir=identities.get("jean-baptiste")["nir"])
    response = franceconnect_round_trip(client, fake_franceconnect, identity="angele")
    assert response["Location"] == "/franceconnect/complement"
    assert not FranceConnectLink.objects.exists()
    assert User.objects.filter(kind=User.Kind.ELU).count() == 1
    assert "_auth_user_id" not in client.session


def test_never_linked_on_email(client, fake_franceconnect):
    """An account with the same e-mail but another identity is not touched."""
    make_elu("helene", email=identities.get("angele")["email"])
    response = franceconnect_round_trip(client, fake_franceconnect, identity="angele")
    assert response["Location"] == "/franceconnect/complement"
    assert not FranceConnectLink.objects.exists()


def test_an_inactive_linked_account_cannot_sign_in(client, fake_franceconnect):
    user = make_elu("angele")
    FranceConnectLink.objects.create(
        user=user, sub=identities.sub_for("angele", CLIENT_ID), last_acr="eidas2"
    )
    User.objects.filter(pk=user.pk).update(is_active=False)
    response = franceconnect_round_trip(client, fake_franceconnect, identity="angele")
    assert response.status_code == 400
    assert "ne peut pas être utilisé" in response.content.decode()
    assert "_auth_user_id" not in client.session


# --- Matching rules -------------------------------------------------------------------------------


def claimed(key: str, **changes) -> ClaimedIdentity:
    identity = {**identities.get(key), **changes}
    return ClaimedIdentity.from_claims(identity)


def test_names_are_compared_without_accents_case_or_hyphens():
    assert same_name("Spécimen", "SPECIMEN")
    assert same_name("Le Gall-Kerouac", "LE GALL KEROUAC")
    assert not same_name("Martin", "Martine")
    assert not same_name("", "")
    assert same_first_names("jean baptiste paul", "Jean-Baptiste Paul")
    assert same_first_names("Jean-Baptiste", "Jean-Baptiste Paul")  # the first first-name only
    assert same_first_names("Angèle Marie", "ANGELE MARIE")
    assert not same_first_names("Paul", "Jean-Baptiste Paul")
    assert not same_first_names("", "")


def test_identity_matches_needs_every_field():
    c = claimed("angele")
    assert identity_matches(
        nom_naissance="Fictivel", prenoms="Angèle", date_naissance=date(1968, 4, 12), claimed=c
    )
    assert not identity_matches(nom_naissance="Fictivel", prenoms="Angèle", date_naissance=None, claimed=c)
    assert not identity_matches(
        nom_naissance="Fictivel", prenoms="Anne", date_naissance=date(1968, 4, 12), claimed=c
    )


@pytest.mark.parametrize("key", [i["key"] for i in identities.IDENTITIES])
def test_the_demo_nirs_agree_with_their_identities(key):
    assert nir_agrees(identities.get(key)["nir"], claimed(key))


def test_nir_disagreements():
    nir = identities.get("angele")["nir"]  # 2 68 04 45234 ...
    assert not nir_agrees(nir, claimed("angele", gender="male"))
    assert not nir_agrees(nir, claimed("angele", birthdate="1969-04-12"))
    assert not nir_agrees(nir, claimed("angele", birthdate="1968-05-12"))
    assert not nir_agrees(nir, claimed("angele", birthplace="45235"))
    assert not nir_agrees(nir, claimed("angele", birthplace="", birthcountry="99134"))


def test_nir_special_cases():
    # Unknown month (20–42, 50–99): not checked on the month.
    # (nir_agrees reads the digits only: the key is checked by the NIR validation beforehand.)
    assert nir_agrees("2682045234123" + "00", claimed("angele"))
    assert not nir_agrees("2681345234123" + "00", claimed("angele"))  # 13 is not a month: invalid NIR
    # Corsica before 1976: "20" in the NIR for a birthplace now in 2A.
    assert nir_agrees("1820920004031" + "00", claimed("paul-antoine"))
    assert not nir_agrees("1820920005031" + "00", claimed("paul-antoine"))
    # Born abroad: 99 + the country code.
    assert nir_agrees("2900299134077" + "00", claimed("noemie"))
    assert not nir_agrees("2900299109077" + "00", claimed("noemie"))
