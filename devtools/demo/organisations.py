"""Demo staff accounts (fictional): a gestionnaire, an OF administrator, a collectivité agent.

Each has a known password and a known TOTP secret, printed by ``accounts()`` so that a person running
the demo can add it to an authenticator app (there is no bypass code). Idempotent.
"""

from __future__ import annotations

import hashlib
from base64 import b32encode
from binascii import unhexlify

from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from dife.organisations.models import Membership, Organisation
from dife.organisations.selectors import territory_name
from dife.organisations.services.organisations import agency

PASSWORD = "Demo-DIFE-2026!"

OF_NAME = "Institut de formation des élus du Loiret — fictif"
# Fictional SIRET made up for the demo (no real SIREN starts with 0); its Luhn keys are valid
# (SIREN 045000007, NIC 00018), so it passes stdnum.fr.siret like a real one.
OF_SIRET = "04500000700018"
ORLEANS = "45234"

GESTIONNAIRE = ("gestionnaire@dife.localhost", "Gaëlle", "Gestion", Organisation.Kind.GESTIONNAIRE)
OF_ADMIN = ("admin@ifel-loiret.localhost", "Olivier", "Formateur", Organisation.Kind.ORGANISME)
COLLECTIVITE_AGENT = ("agent@orleans.localhost", "Camille", "Mairie", Organisation.Kind.COLLECTIVITE)


def totp_key_hex(email: str) -> str:
    """A stable 20-byte TOTP key per demo account (demo only: derived from the address, not secret)."""
    return hashlib.sha1(f"dife-demo-totp:{email}".encode()).hexdigest()  # noqa: S324


def totp_secret(email: str) -> str:
    return b32encode(unhexlify(totp_key_hex(email))).decode("ascii")


def _account(email: str, first_name: str, last_name: str, kind: str, organisation, role: str):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=email,
        defaults={"email": email, "first_name": first_name, "last_name": last_name, "kind": kind},
    )
    if created:
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"role": role})
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if device is None:
        TOTPDevice.objects.create(
            user=user, name="Application d'authentification (démo)", confirmed=True, key=totp_key_hex(email)
        )
    elif device.key != totp_key_hex(email):
        device.key = totp_key_hex(email)
        device.last_t = -1
        device.save(update_fields=["key", "last_t"])
    return created


@transaction.atomic
def load() -> str:
    gestion = agency()
    of, _ = Organisation.objects.get_or_create(
        kind=Organisation.Kind.ORGANISME, siret=OF_SIRET, defaults={"nom": OF_NAME}
    )
    orleans, _ = Organisation.objects.get_or_create(
        kind=Organisation.Kind.COLLECTIVITE,
        collectivite_type=Organisation.CollectiviteType.COMMUNE,
        collectivite_code=ORLEANS,
        defaults={"nom": territory_name(Organisation.CollectiviteType.COMMUNE, ORLEANS) or "Orléans"},
    )
    admin = Membership.Role.ADMIN
    created = [
        _account(*GESTIONNAIRE, gestion, admin),
        _account(*OF_ADMIN, of, admin),
        _account(*COLLECTIVITE_AGENT, orleans, Membership.Role.AGENT),
    ]
    return f"Espaces professionnels : {sum(created)} compte(s) créé(s), {3 - sum(created)} déjà présent(s)"


def accounts() -> list[str]:
    lines = [
        "Espaces professionnels (/pro/connexion) — mot de passe puis code de l'application "
        "d'authentification ; ajoutez la clé TOTP (base32) dans FreeOTP, Aegis…",
    ]
    for email, _first, _last, _kind, label in (
        (*GESTIONNAIRE, "Gestionnaire du fonds (/gestion/)"),
        (*OF_ADMIN, f"Organisme « {OF_NAME} » (/of/)"),
        (*COLLECTIVITE_AGENT, "Collectivité, commune d'Orléans (/collectivite/)"),
    ):
        lines.append(f"  {label} : {email} / {PASSWORD} — clé TOTP {totp_secret(email)}")
    return lines
