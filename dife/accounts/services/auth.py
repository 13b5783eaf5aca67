"""Sign-in, sign-out and forgotten password of élus. Messages never say whether an account exists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import authenticate, login, logout
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from dife.accounts import nir as nir_module
from dife.accounts import passwords
from dife.accounts.models import User
from dife.accounts.selectors import find_elu_by_nir
from dife.accounts.tasks import PASSWORD_RESET, defer_account_email
from dife.accounts.tokens import reset_tokens
from dife.audit.models import Event
from dife.audit.services import record

BACKEND = "dife.accounts.backends.NirBackend"
# TODO(parameters): "accounts.password_reset_emails_per_hour" is not a dated parameter yet. Keeps
# anyone who knows a NIR from flooding its owner's mailbox; the page says the same thing anyway.
MAX_RESET_EMAILS_PER_HOUR = 3


@dataclass(frozen=True)
class SignInResult:
    user: User | None
    locked: bool = False

    @property
    def ok(self) -> bool:
        return self.user is not None


def sign_in_elu(*, request: HttpRequest, nir: str, password: str) -> SignInResult:
    """Authenticate (through django-axes), then sign in with a new session key."""
    user = authenticate(request, nir=nir, password=password)
    if user is None:
        locked = bool(getattr(request, "axes_locked_out", False))
        target = find_elu_by_nir(nir) if nir_module.is_valid(nir) else None
        record(
            action="accounts.session.sign_in_failed",
            target=target,
            request=request,
            method="password",
            reason="locked" if locked else "invalid_credentials",
        )
        return SignInResult(user=None, locked=locked)
    login(request, user)  # rotates the session key
    record(action="accounts.session.signed_in", actor=user, target=user, request=request, method="password")
    return SignInResult(user=user)


def sign_in_new_account(*, request: HttpRequest, user: User) -> None:
    """Right after the wizard created the account: sign it in (new session key)."""
    login(request, user, backend=BACKEND)
    record(
        action="accounts.session.signed_in",
        actor=user,
        target=user,
        request=request,
        method="account_creation",
    )


def sign_out(*, request: HttpRequest) -> None:
    user = request.user if request.user.is_authenticated else None
    if user is not None:
        record(action="accounts.session.signed_out", actor=user, target=user, request=request)
    logout(request)


@transaction.atomic
def request_password_reset(*, nir: str, request: HttpRequest) -> None:
    """Queue a reset link for an active élu account with an e-mail and this NIR; otherwise do nothing.
    Nothing is sent on the request path (a worker sends it, building the single-use link then), so
    the caller shows the same message, in the same time, either way."""
    user = find_elu_by_nir(nir) if nir_module.is_valid(nir) else None
    if user is None or not user.is_active or not user.email:
        record(action="accounts.password.reset_requested", request=request, sent=False)
        return
    if _reset_emails_last_hour(user) >= MAX_RESET_EMAILS_PER_HOUR:
        record(
            action="accounts.password.reset_requested",
            target=user,
            request=request,
            sent=False,
            reason="throttled",
        )
        return
    defer_account_email(user_id=user.pk, purpose=PASSWORD_RESET)
    record(action="accounts.password.reset_requested", target=user, request=request, sent=True)


def _reset_emails_last_hour(user: User) -> int:
    return Event.objects.filter(
        action="accounts.password.reset_requested",
        target_type=User._meta.label_lower,
        target_id=str(user.pk),
        data__sent=True,
        occurred_at__gte=timezone.now() - timedelta(hours=1),
    ).count()


def user_for_reset(uidb64: str, token: str) -> User | None:
    """The élu a reset link belongs to while the link is valid, else None."""
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    user = User.objects.filter(pk=pk, kind=User.Kind.ELU, is_active=True).first()
    if user is None or not reset_tokens.check_token(user, token):
        return None
    return user


@transaction.atomic
def reset_password(*, user: User, token: str, new_password: str, request: HttpRequest | None = None) -> bool:
    """Set the new password if the link is still valid (False otherwise); the link dies with it."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if not reset_tokens.check_token(user, token):
        return False
    passwords.check(new_password, user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    record(action="accounts.password.reset", target=user, request=request)
    return True
