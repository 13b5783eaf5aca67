"""Fictional identities for the demo catalog: names, SIRETs, NDAs, addresses, phones, e-mails.

* SIRET: SIREN ``09`` + 6 digits + Luhn key, NIC ``0001`` + key so that the SIRET passes Luhn too. No
  real SIREN starts with 0 (the staff demo uses the same convention with ``045…``): these numbers pass
  ``stdnum.fr.siret`` like real ones but cannot be a real company's.
* Phones: the ranges ARCEP reserves for fiction (01 99 00 xx xx…). E-mails and sites: ``.example``.
* Names: invented combinations; any likeness to a real provider is accidental.
"""

from __future__ import annotations

import random
import re
import unicodedata

from stdnum import luhn
from stdnum.fr import siret as siret_module

FICTIONAL_SIREN_PREFIX = "09"

PREFIXES = [
    "Agora",
    "Civitas",
    "Passerelle",
    "Boussole",
    "Trait d'Union",
    "Clé de Voûte",
    "Horizon",
    "Cap",
    "Territoria",
    "Forum",
    "Carrefour",
    "Escale",
    "Sillon",
    "Ancrage",
    "Cité",
    "Belvédère",
    "Vigie",
    "Écluse",
    "Lisière",
    "Parvis",
    "Beffroi",
    "Tisserand",
    "Fil d'Ariane",
    "Campanile",
]
KINDS_MANDAT = [
    "Formation des élus",
    "Institut des élus",
    "Académie des élus",
    "Atelier des territoires",
    "Conseil et Formation",
    "École de l'action locale",
    "Campus des élus",
]
KINDS_RECONVERSION = ["Compétences", "Reconversion", "Formation Pro", "Campus Métiers", "Parcours Emploi"]
STREETS = [
    "rue de la Mairie",
    "place de la République",
    "avenue Jean-Jaurès",
    "rue Victor-Hugo",
    "boulevard Gambetta",
    "place de l'Église",
    "rue du Général-de-Gaulle",
    "allée des Tilleuls",
    "rue Pasteur",
    "avenue de la Gare",
    "rue des Écoles",
    "chemin du Moulin",
]
VENUES = [
    "Salle du conseil",
    "Maison des associations",
    "Espace culturel",
    "Centre de formation",
    "Salle des fêtes",
]
FICTION_PHONE_PREFIXES = ["01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49"]


def fictional_siret(index: int) -> str:
    """The index-th fictional SIRET (0 ≤ index < 1 000 000), valid for ``stdnum.fr.siret``."""
    body = f"{FICTIONAL_SIREN_PREFIX}{index:06d}"
    siren = body + luhn.calc_check_digit(body)
    nic_body = siren + "0001"
    siret = nic_body + luhn.calc_check_digit(nic_body)
    return siret_module.validate(siret)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def organisme_name(rng: random.Random, territory: str, *, mandat: bool) -> str:
    kinds = KINDS_MANDAT if mandat else KINDS_RECONVERSION
    return f"{rng.choice(PREFIXES)} {rng.choice(kinds)} {territory}"


def nda(rng: random.Random, departement: str) -> str:
    """11 digits: the département's number (2A/2B → 20) then 9 random digits."""
    digits = "".join(c for c in departement if c.isdigit())[:2].zfill(2)
    return f"{digits}{rng.randrange(10**9):09d}"


def phone(rng: random.Random) -> str:
    return f"{rng.choice(FICTION_PHONE_PREFIXES)} {rng.randrange(100):02d} {rng.randrange(100):02d}"


def address(rng: random.Random, *, venue: bool = False) -> str:
    street = f"{rng.randint(1, 120)} {rng.choice(STREETS)}"
    return f"{rng.choice(VENUES)}, {street}" if venue else street
