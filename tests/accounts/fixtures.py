"""Shared helpers of the accounts and élu-space tests (real database rows, no mocks)."""

from __future__ import annotations

from datetime import date

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from dife.accounts.models import User
from dife.accounts.services.elus import PostalAddress, create_elu_account
from dife.core.names import alt_matching_key, matching_key
from dife.mandates.models import Mandate, Person
from dife.referentiel.models import CodePostal, Commune, Departement, Region

PASSWORD = "Tres-Bon-Motdepasse-42"
# Valid fictional NIRs (key = 97 - number mod 97).
NIR_A = "184127512345640"  # man, born December 1984, Paris
NIR_B = "271054523411879"  # woman, born May 1971, Orléans
NIR_CORSE = "182092A00403168"  # man, born September 1982, Corse-du-Sud


def nir_with_key(first13: str) -> str:
    from stdnum.fr import nir

    return first13 + nir.calc_check_digits(first13 + "00")


def communes() -> dict[str, Commune]:
    """A few real communes and their postal codes."""
    centre = Region.objects.get_or_create(code="24", defaults={"nom": "Centre-Val de Loire"})[0]
    loiret = Departement.objects.get_or_create(code="45", defaults={"nom": "Loiret", "region": centre})[0]
    rows = {
        "orleans": ("45234", "Orléans", 116_000, ["45000", "45100"]),
        "checy": ("45089", "Chécy", 9_000, ["45430"]),
        "saint-jean-de-braye": ("45284", "Saint-Jean-de-Braye", 21_000, ["45800"]),
        "saint-denis-en-val": ("45274", "Saint-Denis-en-Val", 7_700, ["45560"]),
    }
    result = {}
    for key, (code, nom, population, postal_codes) in rows.items():
        commune, _ = Commune.objects.get_or_create(
            code=code,
            type=Commune.Type.COMMUNE,
            defaults={"nom": nom, "population": population, "departement": loiret},
        )
        for postal_code in postal_codes:
            CodePostal.objects.get_or_create(commune=commune, code=postal_code)
        result[key] = commune
    return result


def make_elu(
    nir: str = NIR_A,
    nom: str = "Dupont",
    *,
    email: str = "elu@example.fr",
    prenoms: str = "",
    date_naissance: date | None = None,
    password: str | None = PASSWORD,
    address=None,
) -> User:
    return create_elu_account(
        nir=nir,
        nom_naissance=nom,
        prenoms=prenoms,
        date_naissance=date_naissance,
        email=email,
        email_confirmed=True,
        telephone_mobile="0612345678",
        password=password,
        address=address,
    )


def make_person(
    nom: str, prenoms: str, born: date, *, mandates: int = 1, collectivite: str = "Chécy"
) -> Person:
    person = Person.objects.create(
        matching_key=matching_key(nom, prenoms, born),
        alt_matching_key=alt_matching_key(nom, prenoms, born),
        nom=nom,
        prenoms=prenoms,
        sexe="F",
        date_naissance=born,
    )
    for index in range(mandates):
        Mandate.objects.create(
            person=person,
            kind=Mandate.Kind.MUNICIPAL,
            collectivite_code="45089",
            collectivite_label=collectivite,
            start_date=date(2026, 3, 15),
            source=Mandate.Source.RNE_MUNICIPAL,
            source_id=person.pk * 10 + index,
        )
    return person


def make_staff(kind: str, email: str) -> User:
    user = User.objects.create_user(
        username=email, email=email, password=PASSWORD, kind=kind, first_name="Camille", last_name="Agent"
    )
    TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


def sign_in_staff(client, user: User) -> None:
    """Both factors done (the TOTP sign-in has its own tests in tests/www/staff)."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()


def address_in(commune: Commune, postal_code: str) -> PostalAddress:
    return PostalAddress(
        commune=commune, code_postal=postal_code, numero_voie="3", type_voie="RUE", nom_voie="des Carmes"
    )
