"""Demo part of the foundation: a back-office superuser for the technical administration.

The administration asks a TOTP code after the password (django-otp's OTPAdminSite): the demo admin has
a TOTP device whose key is printed by ``accounts()``, like the staff demo accounts."""

import hashlib
from base64 import b32encode
from binascii import unhexlify

from django.conf import settings
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

USERNAME = "admin"
PASSWORD = "Demo-DIFE-2026!"


def totp_key_hex() -> str:
    """A stable 20-byte TOTP key (demo only: derived from the user name, not secret)."""
    return hashlib.sha1(f"dife-demo-totp:{USERNAME}".encode()).hexdigest()  # noqa: S324


def totp_secret() -> str:
    return b32encode(unhexlify(totp_key_hex())).decode("ascii")


def load() -> str:
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=USERNAME, defaults={"email": "admin@dife.localhost", "is_staff": True, "is_superuser": True}
    )
    if created:
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if device is None:
        TOTPDevice.objects.create(
            user=user, name="Application d'authentification (démo)", confirmed=True, key=totp_key_hex()
        )
    elif device.key != totp_key_hex():
        device.key, device.last_t = totp_key_hex(), -1
        device.save(update_fields=["key", "last_t"])
    return "Administration : compte « admin » " + ("créé" if created else "déjà présent")


def accounts() -> list[str]:
    where = f"/{settings.ADMIN_URL}"
    return [f"Administration technique ({where}) : {USERNAME} / {PASSWORD} — clé TOTP {totp_secret()}"]
