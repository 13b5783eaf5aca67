"""Read-side: NIR lookup, identity lookup for FranceConnect+ linking, public counts."""

from __future__ import annotations

from datetime import date

import pytest

from dife.accounts.models import User
from dife.accounts.selectors import find_elu_by_identity, find_elu_by_nir, public_counts
from tests.accounts.fixtures import NIR_A, NIR_B, make_elu, nir_with_key

pytestmark = pytest.mark.django_db


def test_find_by_nir_in_any_spelling():
    user = make_elu(NIR_A)
    assert find_elu_by_nir("1 84 12 75 123 456 40") == user
    assert find_elu_by_nir("1.84.12.75.123.456.40") == user
    assert find_elu_by_nir(NIR_B) is None
    assert find_elu_by_nir("pas un numéro") is None


def test_identity_of_a_wizard_account_is_checked_against_its_nir():
    # Wizard account: birth name and NIR (man, born December 1984 in Paris, 75123) only.
    user = make_elu(NIR_A, "Lefèvre-Durand")
    born = date(1984, 12, 3)
    assert find_elu_by_identity("LEFEVRE DURAND", "Jean", born) == user
    assert find_elu_by_identity("lefèvre-durand", "Jean", born, sexe="M", lieu_naissance="75123") == user
    assert find_elu_by_identity("Lefèvre-Durand", "Jean", date(1984, 11, 3)) is None  # month
    assert find_elu_by_identity("Lefèvre-Durand", "Jean", date(1974, 12, 3)) is None  # year
    assert find_elu_by_identity("Lefèvre-Durand", "Jeanne", born, sexe="F") is None  # sex
    assert find_elu_by_identity("Lefèvre-Durand", "Jean", born, lieu_naissance="45234") is None  # place
    assert find_elu_by_identity("Lefèvre", "Jean", born) is None  # birth name


def test_identity_fields_known_on_the_account_must_agree():
    user = make_elu(NIR_A, "Durand", prenoms="Jean-Pierre Louis", date_naissance=date(1984, 12, 3))
    assert find_elu_by_identity("DURAND", "Jean Pierre", date(1984, 12, 3)) is None  # first names differ
    assert find_elu_by_identity("DURAND", "Jean-Pierre", date(1984, 12, 3)) == user
    assert find_elu_by_identity("DURAND", "Jean-Pierre", date(1984, 12, 4)) is None  # day known


def test_two_accounts_that_agree_give_none():
    make_elu(NIR_A, "Durand")
    make_elu(nir_with_key("1841275123457"), "Durand", email="homonyme@example.fr")
    assert find_elu_by_identity("Durand", "Jean", date(1984, 12, 3)) is None


def test_public_counts():
    make_elu(NIR_A)
    make_elu(NIR_B, "Maquette", email="b@example.fr")
    User.objects.create_user(username="of@example.fr", kind=User.Kind.ORGANISME)
    User.objects.create_user(username="admin", kind=User.Kind.TECHNICAL)
    User.objects.create_user(username="parti", kind=User.Kind.ELU, is_active=False)
    assert public_counts() == {"comptes": 3, "comptes_elus": 2}
