"""Background e-mails of the accounts app (procrastinate): prepared by a worker, off the request path, so
the response time never tells whether an account exists. A job carries only a user id and a purpose;
any single-use token is built by the worker, which queues the e-mail in the outbox
(``dife.notifications``): the outbox sends it and masks the link in its copy once sent."""

from __future__ import annotations

import logging

from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from procrastinate.contrib.django import app

logger = logging.getLogger(__name__)

PASSWORD_RESET = "password_reset"
PURPOSES = (PASSWORD_RESET,)


@app.task(name="accounts.send_account_email", retry=3)
def send_account_email(user_id: int, purpose: str) -> bool:
    """Queue the e-mail of ``purpose`` to this user; False (nothing sent) when it no longer applies."""
    from dife.accounts.models import User
    from dife.accounts.services.notify import send_password_reset_link
    from dife.accounts.tokens import RESET_LINK_VALIDITY_SECONDS, reset_tokens
    from dife.notifications.rendering import site_url

    if purpose not in PURPOSES:
        raise ValueError(f"unknown purpose: {purpose}")
    user = User.objects.filter(pk=user_id, kind=User.Kind.ELU, is_active=True).first()
    if user is None or not user.email:
        logger.info("account e-mail %s for user %s not sent: no active élu with an e-mail", purpose, user_id)
        return False
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("elus:mot_de_passe_lien", args=[uid, reset_tokens.make_token(user)])
    send_password_reset_link(to=user.email, link=site_url() + path, minutes=RESET_LINK_VALIDITY_SECONDS // 60)
    return True


def defer_account_email(*, user_id: int, purpose: str) -> None:
    """After the commit of the caller's transaction, queue the job (only the id and the purpose)."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown purpose: {purpose}")

    def _defer() -> None:
        try:
            send_account_email.defer(user_id=user_id, purpose=purpose)
        except Exception:  # the page already answered; a lost e-mail can be asked again
            logger.exception("account e-mail %s for user %s not queued", purpose, user_id)

    transaction.on_commit(_defer)
