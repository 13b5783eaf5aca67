"""Second factor: TOTP devices (django-otp), enrolment at the first sign-in, then a code each time."""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from dife.accounts.http import SignedInRequest
from dife.accounts.models import User
from dife.audit.services import record

DEVICE_NAME = "Application d'authentification"
INVALID_CODE = "Code incorrect ou expiré : saisissez le code à 6 chiffres affiché par votre application."


class TotpError(Exception):
    def __init__(self, message: str, *, code: str, wait_seconds: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.wait_seconds = wait_seconds


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


@transaction.atomic
def enrolment_device(user: User) -> TOTPDevice:
    """The unconfirmed device being enrolled (same secret while the person reloads the page)."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def base32_secret(device: TOTPDevice) -> str:
    return b32encode(device.bin_key).decode("ascii")


def provisioning_uri(device: TOTPDevice) -> str:
    """otpauth:// URI for authenticator apps (Key Uri Format), issuer = the service's name."""
    issuer = settings.SERVICE_NAME.replace(":", "")
    label = quote(f"{issuer}:{device.user.get_username()}")
    params = urlencode(
        {
            "secret": base32_secret(device),
            "issuer": issuer,
            "algorithm": "SHA1",
            "digits": device.digits,
            "period": device.step,
        },
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{params}"


def _verify(device: TOTPDevice, code: str, *, request: HttpRequest) -> TotpError | None:
    """Check ``code`` on ``device`` (locked row; django-otp's exponential throttling applies).

    Returns the error instead of raising it, so that the caller's transaction commits the failure
    count (the throttling) and the journal entry.
    """
    allowed, info = device.verify_is_allowed()
    if not allowed:
        locked_until = (info or {}).get("locked_until")
        wait = max(1, int((locked_until - timezone.now()).total_seconds()) + 1) if locked_until else 1
        record(action="staff.totp.throttled", actor=device.user, target=device.user, request=request)
        return TotpError(
            f"Trop de codes erronés : patientez {wait} seconde{'s' if wait > 1 else ''} avant de réessayer.",
            code="throttled",
            wait_seconds=wait,
        )
    if not device.verify_token((code or "").replace(" ", "")):
        record(action="staff.totp.failed", actor=device.user, target=device.user, request=request)
        return TotpError(INVALID_CODE, code="invalid")
    return None


def _complete(request: HttpRequest, device: TOTPDevice) -> None:
    otp_login(request, device)
    request.session.cycle_key()
    record(action="staff.session.signed_in", actor=device.user, target=device.user, request=request)


def confirm_enrolment(*, request: SignedInRequest, code: str) -> TOTPDevice:
    """Confirm the device being enrolled with a first code; the session becomes verified."""
    user = request.user
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).order_by("pk").first()
        )
        if device is None:
            raise TotpError("Aucune activation en cours : rechargez la page.", code="no_device")
        error = _verify(device, code, request=request)
        if error is None:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            record(action="staff.totp.enrolled", actor=user, target=user, request=request)
    if error is not None:
        raise error
    _complete(request, device)
    return device


def verify(*, request: SignedInRequest, code: str) -> TOTPDevice:
    """Check the code of the person's confirmed device; the session becomes verified."""
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=request.user, confirmed=True)
            .order_by("pk")
            .first()
        )
        if device is None:
            raise TotpError("La double authentification n'est pas encore activée.", code="no_device")
        error = _verify(device, code, request=request)
    if error is not None:
        raise error
    _complete(request, device)
    return device
