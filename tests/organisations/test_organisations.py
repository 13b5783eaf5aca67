"""Organisations: SIRET validation, link to the reference data, database constraints."""

import pytest
from django.db import IntegrityError, transaction

from dife.audit.models import Event
from dife.organisations.models import Organisation
from dife.organisations.services import (
    NotAllowed,
    OrganisationError,
    register_collectivite,
    register_organisme,
)
from dife.referentiel.models import Commune, Departement, Region
from tests.organisations.fixtures import OF_SIRET


def test_register_organisme_validates_and_compacts_the_siret(gestionnaire):
    org, created = register_organisme(by=gestionnaire, nom="Organisme fictif", siret="045 000 007 00018")
    assert created and org.siret == OF_SIRET and org.kind == Organisation.Kind.ORGANISME
    again, created_again = register_organisme(by=gestionnaire, nom="", siret=OF_SIRET)
    assert again == org and not created_again
    assert Event.objects.filter(action="organisations.organisation.created").count() == 1


@pytest.mark.parametrize("siret", ["04500000700019", "1234", "", "abcdefghijklmn"])
def test_register_organisme_refuses_a_bad_siret(gestionnaire, siret):
    with pytest.raises(OrganisationError) as error:
        register_organisme(by=gestionnaire, nom="X", siret=siret)
    assert error.value.field == "siret" and "SIRET" in error.value.message
    assert not Organisation.objects.filter(kind="organisme").exists()


def test_only_gestionnaires_register_organisations(of_admin):
    with pytest.raises(NotAllowed):
        register_organisme(by=of_admin, nom="X", siret=OF_SIRET)
    with pytest.raises(NotAllowed):
        register_collectivite(by=of_admin, collectivite_type="commune", code="45234")


def test_register_collectivite_takes_its_name_from_the_reference_data(gestionnaire):
    region = Region.objects.create(code="24", nom="Centre-Val de Loire")
    departement = Departement.objects.create(code="45", nom="Loiret", region=region)
    Commune.objects.create(code="45234", type="COM", nom="Orléans", departement=departement)
    commune, created = register_collectivite(by=gestionnaire, collectivite_type="commune", code=" 45234 ")
    assert created and (commune.nom, commune.collectivite_code) == ("Orléans", "45234")
    dep, _ = register_collectivite(by=gestionnaire, collectivite_type="departement", code="45")
    assert dep.nom == "Loiret" and dep.identifiant == "Département — code 45"
    with pytest.raises(OrganisationError) as unknown:
        register_collectivite(by=gestionnaire, collectivite_type="commune", code="99999")
    assert unknown.value.field == "code" and "référentiel" in unknown.value.message


def test_database_refuses_inconsistent_organisations(agency_org, of_org):
    bad = [
        {"kind": "organisme", "nom": "Sans SIRET"},
        {"kind": "organisme", "nom": "Doublon", "siret": of_org.siret},
        {"kind": "collectivite", "nom": "Sans code"},
        {"kind": "gestionnaire", "nom": "Deuxième agence"},
    ]
    for fields in bad:
        with pytest.raises(IntegrityError), transaction.atomic():
            Organisation.objects.create(**fields)
