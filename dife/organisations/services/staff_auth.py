"""Staff sign-in: e-mail + password (throttled by django-axes), then a TOTP code (django-otp).

After the password the person is signed in but not verified: ``request.user.is_verified()`` becomes
true only once a TOTP code is accepted, and every staff space requires it. The session key is rotated
at both steps. Messages never tell whether an account exists.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest

from dife.accounts.models import User
from dife.accounts.perms import STAFF_KINDS
from dife.audit.services import record
from dife.organisations.services.invitations import normalize_email

INVALID_CREDENTIALS = "Adresse e-mail ou mot de passe incorrect."


class SigninError(Exception):
    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def lockout_message() -> str:
    minutes = round(float(settings.AXES_COOLOFF_TIME) * 60)
    return (
        "Trop de tentatives de connexion ont échoué. Par sécurité, la connexion est bloquée pendant "
        f"{minutes} minutes. Vous pouvez aussi réinitialiser votre mot de passe."
    )


def _audit_identifier(email: str) -> str:
    # Only something shaped like an address: a password typed in the wrong field never reaches the journal.
    return email if "@" in email and len(email) <= 254 else ""


def _locked_out(request: HttpRequest) -> bool:
    if getattr(request, "axes_locked_out", False):
        # We answer with our own French message; without this, axes' middleware would replace the page.
        # (an attribute django-axes adds to the request: HttpRequest's stub cannot know it)
        request.axes_locked_out = False  # type: ignore[attr-defined]
        return True
    return False


def password_step(*, request: HttpRequest, email: str, password: str) -> User:
    """First factor. Returns the user (signed in, not yet verified) or raises SigninError."""
    username = normalize_email(email)
    user = authenticate(request, username=username, password=password)
    if user is not None and user.kind not in STAFF_KINDS:
        # Right password, wrong door (an élu or a technical account): same answer as a wrong password,
        # and it counts as a failure for the throttling.
        user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)
        user = None
    if _locked_out(request):
        record(action="staff.session.locked", request=request, identifiant=_audit_identifier(username))
        raise SigninError(lockout_message(), code="locked")
    if user is None:
        record(
            action="staff.session.sign_in_failed", request=request, identifiant=_audit_identifier(username)
        )
        raise SigninError(INVALID_CREDENTIALS, code="invalid")
    login(request, user)  # rotates the session key
    record(action="staff.session.password_accepted", actor=user, target=user, request=request)
    return user


def sign_out(*, request: HttpRequest) -> None:
    user = request.user if request.user.is_authenticated else None
    if user is not None:
        record(action="staff.session.signed_out", actor=user, target=user, request=request)
    logout(request)


def sign_in_invited(*, request: HttpRequest, user: User) -> None:
    """Right after accepting an invitation (e-mail proven, password just chosen): first factor done."""
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    record(
        action="staff.session.password_accepted", actor=user, target=user, request=request, via="invitation"
    )
