"""Account creation that never tells whether a NIR already has an account (security review F1).

``register_elu`` creates the account, or, when the NIR already has one, creates nothing and e-mails
the existing account's address « Vous avez déjà un compte » (with the sign-in and « Mot de passe
oublié » links). The caller shows the same page either way. Both paths cost about the same: the
duplicate path hashes the password too. Duplicates are journalled with how many there were in the
last 24 hours; the owner gets at most one such e-mail an hour.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from dife.accounts import nir as nir_module
from dife.accounts.models import User
from dife.accounts.services.elus import NirAlreadyRegistered, create_elu_account
from dife.audit.models import Event
from dife.audit.services import record
from dife.notifications.services import queue

DUPLICATE_ACTION = "accounts.elu_account.duplicate_signup"
TEMPLATE = "compte_existant"


def existing_account(nir: str) -> User | None:
    return (
        User.objects.filter(kind=User.Kind.ELU, elu_profile__nir_hash=nir_module.keyed_hash(nir))
        .order_by("pk")
        .first()
    )


@transaction.atomic
def tell_existing_account(*, user: User, source: str, request: HttpRequest | None = None) -> None:
    """The NIR typed has this account: journal it and e-mail its address (once an hour at most)."""
    now = timezone.now()
    since = now - timedelta(hours=24)
    previous = Event.objects.filter(
        action=DUPLICATE_ACTION, target_id=str(user.pk), occurred_at__gte=since
    ).count()
    record(action=DUPLICATE_ACTION, target=user, request=request, source=source, repeated=previous + 1)
    if user.email:
        queue(
            to=user.email,
            template=TEMPLATE,
            context={
                "source": source,
                "login_url": reverse("elus:connexion"),
                "reset_url": reverse("elus:mot_de_passe_oublie"),
            },
            dedup_key=f"{TEMPLATE}:{user.pk}:{now:%Y%m%d%H}",
        )


def register_elu(
    *, nir: str, password: str | None, source: str, request: HttpRequest | None = None, **fields: Any
) -> User | None:
    """The new account, or None when the NIR already had one (its owner is told by e-mail)."""
    number = nir_module.validate(nir)
    existing = existing_account(number)
    if existing is None:
        try:
            return create_elu_account(nir=number, password=password, source=source, request=request, **fields)
        except NirAlreadyRegistered:  # registered by a concurrent request
            existing = existing_account(number)
    elif password is not None:
        User().set_password(password)  # the cost of the creation's password hash
    if existing is not None:
        tell_existing_account(user=existing, source=source, request=request)
    return None
