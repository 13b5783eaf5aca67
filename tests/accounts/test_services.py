"""Account services: creation (wizard and FranceConnect+ shapes), one account per NIR, identity
completion, the NIR never in the audit journal."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from dife.accounts import nir as nir_module
from dife.accounts.models import EluProfile, User
from dife.accounts.services import NirAlreadyRegistered, complete_elu_identity, create_elu_account
from dife.accounts.services.elus import update_contact, update_diploma
from dife.audit.models import Event
from tests.accounts.fixtures import NIR_A, NIR_B, NIR_CORSE, PASSWORD, make_elu

pytestmark = pytest.mark.django_db


def test_create_account_from_the_wizard():
    user = make_elu(NIR_A, "Lefèvre-Durand")
    profile = EluProfile.objects.get(user=user)
    assert user.kind == User.Kind.ELU and user.username.startswith("elu-")
    assert user.check_password(PASSWORD)
    assert (
        profile.nir_hash == nir_module.keyed_hash(NIR_A)
        and nir_module.decrypt(profile.nir_encrypted) == NIR_A
    )
    assert profile.nom_naissance_cle == "lefevredurand" and profile.sexe == "M"
    assert profile.telephone_mobile == "+33612345678"
    assert repr(profile) == f"<EluProfile pk={profile.pk} user_id={user.pk}>"


def test_create_account_from_franceconnect_claims_without_password():
    user = create_elu_account(
        nir=NIR_CORSE,
        nom_naissance="SPÉCIMEN",
        prenoms="Paul-Antoine",
        date_naissance=date(1982, 9, 30),
        sexe="M",
        lieu_naissance="2A004",
        email="pa@example.fr",
        email_confirmed=True,
        password=None,
        telephone_mobile=None,
        source="franceconnect",
    )
    assert not user.has_usable_password()
    assert user.first_name == "Paul-Antoine" and user.last_name == "SPÉCIMEN"
    assert user.elu_profile.lieu_naissance == "2A004"


def test_one_account_per_nir_whatever_the_spelling():
    make_elu(NIR_A)
    with pytest.raises(NirAlreadyRegistered):
        make_elu("1 84 12 75 123 456 40", "Autre", email="autre@example.fr")
    assert User.objects.count() == 1


def test_creation_checks_its_inputs():
    with pytest.raises(ValidationError):
        make_elu("184127512345641")
    with pytest.raises(ValidationError):
        create_elu_account(
            nir=NIR_A, nom_naissance="Dupont", telephone_mobile="0812345678", password=PASSWORD
        )
    with pytest.raises(ValidationError):
        create_elu_account(nir=NIR_A, nom_naissance="Dupont", password="faible")
    with pytest.raises(ValidationError):
        create_elu_account(nir=NIR_A, nom_naissance="  ", password=PASSWORD)
    assert not User.objects.exists()


def test_the_audit_journal_never_holds_the_nir():
    user = make_elu(NIR_A)
    complete_elu_identity(user=user, source="franceconnect", prenoms="Jean", date_naissance=date(1984, 12, 1))
    for event in Event.objects.all():
        assert NIR_A not in str(event.data) and "184127512345640" not in event.target_id
    event = Event.objects.get(action="accounts.elu_profile.identity_completed")
    assert event.data == {"source": "franceconnect", "fields": ["prenoms", "date_naissance"]}


def test_complete_identity_writes_only_what_is_given():
    user = make_elu(NIR_B, "Maquette")
    profile = complete_elu_identity(user=user, source="rattachement", prenoms="Élise Jeanne")
    assert (profile.prenoms, profile.date_naissance, profile.nom_naissance) == (
        "Élise Jeanne",
        None,
        "Maquette",
    )
    user.refresh_from_db()
    assert user.first_name == "Élise"
    complete_elu_identity(user=user, source="franceconnect", nom_naissance="MAQUETTE-VIDAL")
    profile.refresh_from_db()
    assert profile.nom_naissance_cle == "maquettevidal"


def test_profile_updates():
    user = make_elu(NIR_A)
    profile = update_contact(user=user, telephone_mobile="", telephone_fixe="0262 12 34 56")
    assert (profile.telephone_mobile, profile.telephone_fixe) == ("", "+262262123456")
    with pytest.raises(ValidationError):
        update_contact(user=user, telephone_mobile="", telephone_fixe="")
    profile = update_diploma(user=user, diplome="no_diploma", annee_obtention=2001)
    assert profile.annee_obtention is None  # no year for "Sans diplôme"
    profile = update_diploma(user=user, diplome="8", annee_obtention=2012)
    assert (profile.diplome, profile.annee_obtention) == ("8", 2012)
