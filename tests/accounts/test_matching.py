"""Compte élu: an account's identity against the mandate registry (accents, case, hyphens, first names)."""

from __future__ import annotations

from datetime import date

import pytest

from dife.core.names import first_names_match
from dife.mandates.matching import persons_matching_identity, persons_of_account
from dife.mandates.models import AccountPersonLink
from tests.accounts.fixtures import NIR_A, NIR_B, make_elu, make_person

pytestmark = pytest.mark.django_db

BORN = date(1971, 5, 8)


@pytest.mark.parametrize(
    "account, register, expected",
    [
        ("Élise", "Elise", True),
        ("ÉLISE", "élise", True),
        ("Élise", "Élise Jeanne Marie", True),  # the register holds several first names
        ("Élise Jeanne", "Élise", True),  # first first-names equal
        ("Jean Pierre", "Jean-Pierre", True),  # whole lists equal once folded
        ("Jean-Pierre", "Jean Pierre", True),
        ("Jean-Pierre", "Jean", False),
        ("Jean", "Jean-Pierre", False),
        ("Marie", "Anne Marie", False),  # a second first name is not the first one
        ("", "Élise", False),
        ("Élise", "", False),
    ],
)
def test_first_names(account, register, expected):
    assert first_names_match(account, register) is expected


def test_birth_name_is_compared_without_accents_case_or_hyphens():
    person = make_person("LEFÈVRE-DURAND", "Élise Jeanne", BORN)
    for nom in ("Lefèvre-Durand", "LEFEVRE DURAND", "lefevre durand", "Lefevredurand", "Le Fèvre Durand"):
        assert persons_matching_identity(nom, "elise", BORN) == [person], nom
    assert persons_matching_identity("Lefèvre", "Élise", BORN) == []
    assert persons_matching_identity("Lefèvre-Durand", "Élise", date(1971, 5, 9)) == []


def test_compound_first_names_either_way():
    hyphen = make_person("MARTIN", "Jean-Pierre", BORN)
    assert persons_matching_identity("Martin", "Jean Pierre", BORN) == [hyphen]
    space = make_person("BERNARD", "Jean Pierre", BORN)
    assert persons_matching_identity("Bernard", "Jean-Pierre", BORN) == [space]
    assert persons_matching_identity("Bernard", "Jean", BORN) == [space]
    assert persons_matching_identity("Martin", "Jean", BORN) == []


def test_register_name_with_a_mention_in_parentheses():
    person = make_person("DE SOUSA (JOURDAN)", "Ana", BORN)
    assert persons_matching_identity("De Sousa", "Ana", BORN) == [person]
    assert persons_matching_identity("Jourdan", "Ana", BORN) == [person]


def test_an_identity_without_first_names_or_birth_date_matches_nobody():
    make_person("DUPONT", "Jean", BORN)
    assert persons_matching_identity("Dupont", "", BORN) == []
    assert persons_matching_identity("Dupont", "Jean", None) == []


def test_persons_of_an_account_identity_and_rattachement():
    matched = make_person("MAQUETTE", "Élise", BORN)
    attached = make_person("VIDAL", "Élise", BORN)
    user = make_elu(NIR_B, "Maquette", prenoms="Élise Jeanne", date_naissance=BORN)
    assert persons_of_account(user) == [matched]
    AccountPersonLink.objects.create(user=user, person=attached)
    assert persons_of_account(user) == [matched, attached]
    wizard_only = make_elu(NIR_A, "Maquette", email="autre@example.fr")
    assert persons_of_account(wizard_only) == []  # no first names nor birth date yet
