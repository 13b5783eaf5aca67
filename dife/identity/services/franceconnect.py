"""FranceConnect+ sign-in and step-up: the authorization request, its completion, the account link.

A sign-in resolves the identity to the account linked on ``sub``; else nothing, and the élu is asked
his NIR to create the account. An identity is never linked to an existing account on what it looks
like (security review F5): only when the account's owner proves it, either signed in with the
password then FranceConnect+ (a step-up, from the profile), or by typing the account's NIR and
password on « Lier votre compte » after the FranceConnect+ return (``link_existing_account``); the
account's known birth name, first names and birth date must match the claims and its NIR agree.
The completion never says whether the NIR typed has an account (review F1): when it has, nothing is
created and the account's owner is e-mailed.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from dife.accounts.models import User
from dife.audit.services import record
from dife.identity import elu_accounts
from dife.identity.franceconnect import client, config
from dife.identity.franceconnect.errors import FranceConnectError
from dife.identity.matching import ClaimedIdentity, nir_agrees, same_first_names, same_name
from dife.identity.models import FranceConnectAuthRequest, FranceConnectLink

REQUEST_TTL = timedelta(minutes=10)
PURGE_AFTER = timedelta(days=1)


def new_secret() -> str:
    """43 URL-safe characters (256 bits of randomness): above the 32 characters FranceConnect requires."""
    return secrets.token_urlsafe(32)


def start_authentication(
    *, user: User | None, redirect_uri: str, next_url: str
) -> tuple[FranceConnectAuthRequest, str]:
    """Store a new state and nonce and return the provider's authorization URL.

    ``user`` is the signed-in élu for a step-up, ``None`` for a sign-in.
    """
    cfg = config.require()
    now = timezone.now()
    FranceConnectAuthRequest.objects.filter(expires_at__lt=now - PURGE_AFTER).delete()
    auth_request = FranceConnectAuthRequest.objects.create(
        state=new_secret(),
        nonce=new_secret(),
        purpose=FranceConnectAuthRequest.Purpose.STEP_UP
        if user
        else FranceConnectAuthRequest.Purpose.SIGN_IN,
        user=user,
        redirect_uri=redirect_uri,
        next_url=next_url[:500],
        created_at=now,
        expires_at=now + REQUEST_TTL,
    )
    url = client.authorization_url(
        cfg, state=auth_request.state, nonce=auth_request.nonce, redirect_uri=redirect_uri
    )
    return auth_request, url


def _consume(state: str, known_states: list[str]) -> FranceConnectAuthRequest:
    if not state or state not in known_states:
        raise FranceConnectError("state", "state not started by this browser session")
    now = timezone.now()
    used = FranceConnectAuthRequest.objects.filter(state=state, used_at__isnull=True, expires_at__gt=now)
    if used.update(used_at=now) != 1:  # single use, even with two concurrent callbacks
        raise FranceConnectError("state", "state unknown, already used or expired")
    return FranceConnectAuthRequest.objects.select_related("user").get(state=state)


def complete_authentication(
    *, state: str, code: str, error: str, known_states: list[str], request: HttpRequest | None = None
) -> tuple[FranceConnectAuthRequest, client.Authentication]:
    """Check the state (single use), exchange the code and verify everything the provider sends.

    Every failure is written to the audit journal and raised as a ``FranceConnectError``.
    """
    try:
        cfg = config.require()
        auth_request = _consume(state, known_states)
        if error:
            raise FranceConnectError(
                "access_denied" if error == "access_denied" else "provider", f"provider error {error[:60]}"
            )
        if not code:
            raise FranceConnectError("provider", "callback without code")
        authentication = client.authenticate(
            cfg, code=code, redirect_uri=auth_request.redirect_uri, nonce=auth_request.nonce
        )
    except FranceConnectError as exc:
        fail(exc, request=request)
        raise
    return auth_request, authentication


def fail(exc: FranceConnectError, *, request: HttpRequest | None = None) -> None:
    record(action="identity.franceconnect.failed", request=request, reason=exc.code, detail=exc.detail)


@dataclass(frozen=True)
class Outcome:
    """``user`` is None when no account matches: the élu is asked his NIR to create one."""

    user: User | None
    linked_now: bool = False


def _known_fields_match(account: elu_accounts.AccountIdentity, claimed: ClaimedIdentity) -> bool:
    """Birth name always; first names and birth date when the account knows them (the wizard asks only
    the NIR and the birth name: its NIR is then checked against the claims)."""
    return (
        same_name(account.nom_naissance, claimed.family_name)
        and (not account.prenoms or same_first_names(account.prenoms, claimed.given_name))
        and (account.date_naissance is None or account.date_naissance == claimed.birthdate)
    )


def _touch(link: FranceConnectLink, acr: str) -> None:
    link.last_seen_at = timezone.now()
    link.last_acr = acr
    link.save(update_fields=["last_seen_at", "last_acr"])


def _link(
    *, user: User, sub: str, acr: str, claimed: ClaimedIdentity, request: HttpRequest | None, proof: str
) -> None:
    FranceConnectLink.objects.create(user=user, sub=sub, last_acr=acr)
    elu_accounts.record_verified_identity(user=user, claimed=claimed, request=request)
    record(
        action="identity.franceconnect.linked", actor=user, target=user, request=request, acr=acr, proof=proof
    )


def resolve_account(
    *,
    auth_request: FranceConnectAuthRequest,
    authentication: client.Authentication,
    current_user: User | AnonymousUser | None,
    request: HttpRequest | None = None,
) -> Outcome:
    """The account this identity signs in to (or confirms, for a step-up); failures are audited."""
    try:
        try:
            with transaction.atomic():
                return _resolve(auth_request, authentication, current_user, request)
        except IntegrityError:  # the same new identity linked by a concurrent callback
            raise FranceConnectError("state", "concurrent link of the same sub") from None
    except FranceConnectError as exc:
        fail(exc, request=request)
        raise


def _resolve(
    auth_request: FranceConnectAuthRequest,
    authentication: client.Authentication,
    current_user: User | AnonymousUser | None,
    request: HttpRequest | None,
) -> Outcome:
    claimed = ClaimedIdentity.from_claims(authentication.userinfo)
    link = (
        FranceConnectLink.objects.select_for_update()
        .select_related("user")
        .filter(sub=authentication.sub)
        .first()
    )
    if auth_request.purpose == FranceConnectAuthRequest.Purpose.STEP_UP:
        expected = auth_request.user  # never None for a step-up (database constraint)
        if (
            expected is None
            or current_user is None
            or not current_user.is_authenticated
            or current_user.pk != expected.pk
        ):
            raise FranceConnectError("state", "the signed-in account changed during the step-up")
        if link is not None:
            if link.user_id != expected.pk:
                raise FranceConnectError("linked_elsewhere", "sub linked to another account")
            _touch(link, authentication.acr)
            return Outcome(user=expected)
        account = elu_accounts.account_identity(expected)
        if account is None:
            raise FranceConnectError("not_elu", "step-up of an account without élu profile")
        if not _known_fields_match(account, claimed):
            raise FranceConnectError("identity_mismatch", "claims differ from the signed-in account")
        if not nir_agrees(account.nir, claimed):
            raise FranceConnectError("nir_mismatch", "NIR of the signed-in account disagrees with the claims")
        _link(
            user=expected,
            sub=authentication.sub,
            acr=authentication.acr,
            claimed=claimed,
            request=request,
            proof="session",
        )
        return Outcome(user=expected, linked_now=True)

    if link is not None:
        if not link.user.is_active or link.user.kind != "elu":
            raise FranceConnectError("account_unavailable", "linked account inactive or not an élu")
        _touch(link, authentication.acr)
        return Outcome(user=link.user)
    return Outcome(user=None)  # never linked on partial facts: the NIR, or the owner's proof, comes next


def record_sign_in(
    *, user: User, authentication: client.Authentication, purpose: str, request: HttpRequest | None = None
) -> None:
    action = (
        "identity.franceconnect.stepped_up"
        if purpose == FranceConnectAuthRequest.Purpose.STEP_UP
        else "identity.franceconnect.signed_in"
    )
    record(action=action, actor=user, target=user, request=request, acr=authentication.acr)


@dataclass(frozen=True)
class PendingIdentity:
    """A verified FranceConnect+ identity with no account yet, kept in the (server-side) session while
    the élu gives his NIR."""

    sub: str
    acr: str
    userinfo: dict
    id_token: str
    next_url: str
    expires_at: float

    @classmethod
    def from_authentication(cls, authentication: client.Authentication, next_url: str) -> PendingIdentity:
        return cls(
            sub=authentication.sub,
            acr=authentication.acr,
            userinfo=dict(authentication.userinfo),
            id_token=authentication.id_token,
            next_url=next_url,
            expires_at=(timezone.now() + REQUEST_TTL).timestamp(),
        )

    def as_session(self) -> dict:
        return dict(self.__dict__)

    @classmethod
    def from_session(cls, data: dict | None) -> PendingIdentity | None:
        if not data:
            return None
        try:
            pending = cls(**data)
        except TypeError:
            return None
        return pending if pending.expires_at > timezone.now().timestamp() else None

    @property
    def claimed(self) -> ClaimedIdentity:
        return ClaimedIdentity.from_claims(self.userinfo)


class NirRefused(Exception):
    """The NIR typed cannot be used with this identity; ``message`` is in French, without the NIR."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


NIR_DISAGREES = (
    "Ce numéro de sécurité sociale ne correspond pas à l'identité transmise par FranceConnect+ (sexe, "
    "année et mois de naissance, lieu de naissance). Vérifiez votre saisie."
)


def create_account(*, pending: PendingIdentity, nir: str, request: HttpRequest | None = None) -> User | None:
    """Create the élu account of a FranceConnect+ identity with the NIR the élu typed, and link it;
    or, when the NIR already has an account, create nothing, e-mail its owner and return None.

    ``nir`` must be valid (the form checks it) and agree with the claims. Raises ``NirRefused``.
    """
    claimed = pending.claimed
    if not nir_agrees(nir, claimed):
        record(action="identity.franceconnect.nir_refused", request=request, reason="nir_disagrees")
        raise NirRefused(NIR_DISAGREES)
    existing = elu_accounts.account_for_nir(nir)
    if existing is not None:
        elu_accounts.tell_existing_account(user=existing.user, request=request)
        return None
    try:
        with transaction.atomic():
            link = FranceConnectLink.objects.select_for_update().filter(sub=pending.sub).first()
            if link is not None:  # the form was sent twice
                return link.user
            user = elu_accounts.create_account_from_claims(claimed=claimed, nir=nir, request=request)
            FranceConnectLink.objects.create(user=user, sub=pending.sub, last_acr=pending.acr)
            record(
                action="identity.franceconnect.account_created",
                actor=user,
                target=user,
                request=request,
                acr=pending.acr,
            )
    except elu_accounts.NirAlreadyRegistered:  # registered by a concurrent request
        existing = elu_accounts.account_for_nir(nir)
        if existing is not None:
            elu_accounts.tell_existing_account(user=existing.user, request=request)
        return None
    return user


LINK_MISMATCH = (
    "L'identité transmise par FranceConnect+ ne correspond pas à ce compte (nom de naissance, prénoms, "
    "date ou lieu de naissance) : il ne peut pas y être relié."
)
LINK_TAKEN = (
    "Ce compte est déjà relié à une autre identité FranceConnect+. Connectez-vous avec votre mot de passe "
    "ou contactez le fonds."
)


def link_existing_account(
    *, pending: PendingIdentity, user: User, request: HttpRequest | None = None
) -> User:
    """Link the pending identity to ``user``, whose owner just proved it with the account's password.

    The account's known birth name, first names and birth date must match the claims and its NIR agree.
    Raises ``NirRefused`` (French message) otherwise; every refusal is journalled."""
    claimed = pending.claimed
    refusal = None
    with transaction.atomic():
        account = elu_accounts.account_identity(user)
        links = FranceConnectLink.objects.select_for_update()
        existing = links.filter(sub=pending.sub).first()
        if existing is not None and existing.user_id == user.pk:  # the form was sent twice
            return user
        if existing is not None or links.filter(user=user).exists():
            refusal = ("linked_elsewhere", LINK_TAKEN)
        elif account is None or not user.is_active:
            refusal = ("not_elu", LINK_MISMATCH)
        elif not (_known_fields_match(account, claimed) and nir_agrees(account.nir, claimed)):
            refusal = ("identity_mismatch", LINK_MISMATCH)
        else:
            _link(
                user=user,
                sub=pending.sub,
                acr=pending.acr,
                claimed=claimed,
                request=request,
                proof="password",
            )
    if refusal is not None:
        record(action="identity.franceconnect.link_refused", target=user, request=request, reason=refusal[0])
        raise NirRefused(refusal[1])
    return user


def logout_url(*, id_token: str, state: str, post_logout_redirect_uri: str) -> str | None:
    """The provider's end-session URL, or None when FranceConnect+ is off or unreachable."""
    try:
        return client.logout_url(
            config.require(),
            id_token=id_token,
            state=state,
            post_logout_redirect_uri=post_logout_redirect_uri,
        )
    except FranceConnectError:
        return None
