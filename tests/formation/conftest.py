"""The formation page's world: an agreed provider with a mandate and a reconversion training, and élus
whose rights come from the real ledger services (credit, reserve) and whose accounts are matched to
the register by the real matching rules."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from dife.catalog import places, services
from dife.core.names import matching_key
from dife.mandates.models import Person
from dife.rights import services as rights
from tests.accounts.fixtures import NIR_A, NIR_B, make_elu
from tests.catalog.factories import make_communes, make_organisme
from tests.rights.conftest import add_mandate


@pytest.fixture(autouse=True)
def _fresh_place_cache():
    places.clear_cache()
    yield
    places.clear_cache()


@pytest.fixture
def communes(db):
    return make_communes()


@pytest.fixture
def organisme(db):
    organisme = make_organisme(nom="Fédération des maires de la Loire (fictive)")
    return services.save_organisme_profile(
        organisation=organisme.organisation,
        contact_nom="Service formation",
        contact_email="formation@federation-fictive.example",
    )


def days(n: int) -> date:
    return timezone.localdate() + timedelta(days=n)


@pytest.fixture
def mandat_action(organisme, communes):
    """Seed 002: "La gestion du domaine public et privé de la commune", 6 h, 200 €, 18 € of fees."""
    formation = services.create_formation(
        organisme=organisme,
        reference="DOMAINE",
        intitule="La gestion du domaine public et privé de la commune",
        objectifs="Connaître les règles du domaine public et du domaine privé.",
        contenu="Le régime juridique. La gestion au quotidien. Études de cas.",
        points_forts="Tous les intervenants sont des intervenants qualifiés.",
        resultats_attendus="Savoir préparer une délibération sur le domaine communal.",
        contexte="mandat",
        theme="ORG",
    )
    services.publish_formation(formation=formation)
    action = services.create_action(
        formation=formation,
        reference="DOMAINE-BOEN",
        modalite="centre",
        duree_heures=Decimal("6"),
        prix_ttc=Decimal("200.00"),
        frais_additionnels=Decimal("18.00"),
        frais_additionnels_detail="Repas de midi",
        adresse="Salle des fêtes",
        commune=communes["boen"],
        acces_handicap=True,
    )
    services.create_session(action=action, debut=days(30), fin=days(30), garantie=True, places=15)
    services.create_session(action=action, debut=days(60), fin=days(61))
    services.create_session(action=action, debut=days(-3), fin=days(-3))  # past: not offered
    return services.publish_action(action=action)


@pytest.fixture
def reconversion_action(organisme, communes):
    formation = services.create_formation(
        organisme=organisme,
        reference="COMPTA",
        intitule="Titre professionnel gestionnaire comptable et fiscal",
        objectifs="Tenir la comptabilité d'une petite entreprise.",
        contenu="Comptabilité générale. Fiscalité. Paie.",
        contexte="reconversion",
        certification_code="RNCP35190",
        certification_libelle="Gestionnaire comptable et fiscal",
    )
    services.publish_formation(formation=formation)
    action = services.create_action(
        formation=formation, reference="COMPTA-DIST", modalite="distance", duree_heures=Decimal("70"),
        prix_ttc=Decimal("1500.00"), frais_examen_inclus=True,
    )  # fmt: skip
    services.create_session(action=action, debut=days(45), fin=days(120))
    return services.publish_action(action=action)


def registered_elu(
    nir: str, nom: str, prenoms: str, born: date, *, credit: Decimal, reserve: Decimal = Decimal(0)
):
    """A register person with a municipal mandate, credited through the ledger, and the matching account."""
    person = Person.objects.create(
        matching_key=matching_key(nom, prenoms, born),
        nom=nom.upper(),
        prenoms=prenoms,
        sexe="F",
        date_naissance=born,
    )
    add_mandate(person, "municipal", date(2026, 3, 15), collectivite_code="42022", collectivite_label="Boën")
    rights.credit(person=person, on=timezone.localdate(), key=f"credit-{nir}", amount=credit)
    if reserve:
        rights.reserve(person=person, amount=reserve, dossier="DOS-TEST-1", key=f"reserve-{nir}")
    return make_elu(nir, nom, prenoms=prenoms, date_naissance=born, email=f"{prenoms.lower()}@example.fr")


@pytest.fixture
def elu_800(db):
    return registered_elu(NIR_B, "Martin", "Claire", date(1971, 5, 4), credit=Decimal("800"))


@pytest.fixture
def elu_100(db):
    """400 € credited, 300 € reserved for another dossier: 100 € available."""
    return registered_elu(
        NIR_A, "Durand", "Paul", date(1984, 12, 3), credit=Decimal("400"), reserve=Decimal("300")
    )
