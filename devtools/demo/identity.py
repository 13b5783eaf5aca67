"""Demo part of identity (DEMO_LOADERS): the fictional élus of the local FranceConnect+ provider.

``load()`` adds, idempotently, the fictional persons of ``devtools/idp/identities.py`` that hold a
mandate to the mandate registry (a mandate in a small real commune, from the municipal elections of
March 2026), and a password account for one of them (Hélène PROTOTYPE) so that the first
FranceConnect+ sign-in shows the link to an existing account. None of them is a real person.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import transaction

from devtools.idp import identities

MUNICIPAL_2026_START = date(2026, 3, 15)  # first round of the 2026 municipal elections
DEMO_SOURCE_ID_BASE = -900_000  # the register's ids are positive: these never collide with it
PASSWORD = "Demo-DIFE-2026!"
PASSWORD_ACCOUNT = "helene"
FONCTIONS = {"maire": "MAI", "adjoint": "ADJ", "conseiller": ""}


def _commune_label(code: str, fallback: str) -> str:
    from dife.referentiel.models import Commune

    commune = Commune.objects.filter(code=code, type="COM").first()
    return commune.nom if commune else fallback


@transaction.atomic
def _load_registry() -> int:
    from dife.core.names import alt_matching_key, matching_key
    from dife.mandates.models import Mandate, Person

    source = getattr(Mandate.Source, "DEMO", Mandate.Source.RNE_MUNICIPAL)
    count = 0
    for index, identity in enumerate(identities.IDENTITIES):
        mandate = identity["mandate"]
        if not mandate:
            continue
        birthdate = date.fromisoformat(identity["birthdate"])
        person, _ = Person.objects.update_or_create(
            matching_key=matching_key(identity["family_name"], identity["given_name"], birthdate),
            defaults={
                "alt_matching_key": alt_matching_key(
                    identity["family_name"], identity["given_name"], birthdate
                ),
                "nom": identity["family_name"],
                "prenoms": identity["given_name"],
                "sexe": "F" if identity["gender"] == "female" else "M",
                "date_naissance": birthdate,
            },
        )
        fonction = FONCTIONS[mandate["fonction"]]
        Mandate.objects.update_or_create(
            source=source,
            source_id=DEMO_SOURCE_ID_BASE - index,
            defaults={
                "person": person,
                "kind": Mandate.Kind.MUNICIPAL,
                "collectivite_code": mandate["commune"],
                "collectivite_label": _commune_label(mandate["commune"], mandate["commune_nom"]),
                "fonction": fonction,
                "fonction_rank": 1 if fonction == "ADJ" else None,
                "fonction_start": MUNICIPAL_2026_START if fonction else None,
                "start_date": MUNICIPAL_2026_START,
                "end_date": None,
                "removed_from_register_on": None,  # a register import does not know these: keep them current
            },
        )
        count += 1
    return count


def _load_password_account() -> bool:
    from dife.accounts.services import NirAlreadyRegistered, create_elu_account

    identity = identities.get(PASSWORD_ACCOUNT)
    try:
        create_elu_account(
            nir=identity["nir"],
            nom_naissance=identity["family_name"],
            email=identity["email"],
            email_confirmed=True,
            password=PASSWORD,
            source="demo",
        )
    except NirAlreadyRegistered:
        return False
    return True


def load() -> str:
    count = _load_registry()
    created = _load_password_account()
    return (
        f"Identité : {count} élus fictifs du FranceConnect+ local dans le registre des mandats ; compte "
        f"« {identities.label(identities.get(PASSWORD_ACCOUNT))} » {'créé' if created else 'déjà présent'}"
    )


def accounts() -> list[str]:
    issuer = settings.FRANCECONNECT.get("ISSUER", "")
    helene = identities.get(PASSWORD_ACCOUNT)
    lines = [f"FranceConnect+ local ({issuer}) : identités fictives au choix sur sa page"]
    for identity in identities.IDENTITIES:
        mandate = identity["mandate"]["label"] if identity["mandate"] else "sans mandat"
        lines.append(f"  - {identities.label(identity)} — {mandate} — NIR fictif {identity['nir']}")
    lines.append(
        "Élu avec mot de passe (à lier à FranceConnect+ avec son mot de passe, « Lier votre compte ») : "
        f"NIR {helene['nir']} / {PASSWORD}"
    )
    return lines
