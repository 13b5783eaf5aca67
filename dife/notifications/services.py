"""Queue e-mails in the outbox (inside the caller's transaction) and send them after the commit.

This is the only way an e-mail leaves the platform (see docs/decisions/0007-all-mail-through-outbox.md).
``queue`` / ``queue_many`` write rows and arrange, on commit, for the ``notifications.send_outbox``
task to run (one queued job at a time: a queueing lock); a periodic run every minute is the safety
net when no job could be deferred. ``send_pending`` takes pending rows in ``SKIP LOCKED`` batches, so
several workers never send the same e-mail twice.

A context value that must not outlive the sending (a one-time code, a sign-in or reset link) is
named in ``secrets``: once the e-mail is sent (or given up), the row keeps it masked, in the context
and in the stored bodies (``NOTIFICATIONS_KEEP_SECRETS`` keeps it in development, for ``/dev/courriels``).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.utils import timezone

from dife.notifications.models import Email
from dife.notifications.rendering import Rendered, render

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
MASKED = "[masqué après l'envoi]"


@dataclass(frozen=True)
class Message:
    to: str
    template: str
    context: dict
    dedup_key: str | None = None
    secrets: tuple[str, ...] = ()


def _kick() -> None:
    """Ask a worker to send the outbox now (at most one such job waits at a time)."""
    from dife.notifications import tasks

    try:
        with transaction.atomic():  # a refused job (already queued) must not abort an enclosing transaction
            tasks.send_outbox.configure(queueing_lock="notifications.send_outbox").defer()
    except Exception as error:  # AlreadyEnqueued, or no job table: the periodic run sends it anyway
        logger.debug("send_outbox not deferred: %s", error)


COPY_THRESHOLD = 200


def _copy(messages: list[Message]) -> None:
    """Many rows at once (the sweep): COPY into a temporary table, then one INSERT … ON CONFLICT."""
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE IF NOT EXISTS notifications_email_in "
            "(recipient text, template text, context jsonb, dedup_key text, secrets jsonb) "
            "ON COMMIT DELETE ROWS"
        )
        with cursor.cursor.copy(
            "COPY notifications_email_in (recipient, template, context, dedup_key, secrets) FROM STDIN"
        ) as copy:
            for m in messages:
                context = json.dumps(m.context, ensure_ascii=False)
                copy.write_row((m.to, m.template, context, m.dedup_key, json.dumps(list(m.secrets))))
        cursor.execute(
            'INSERT INTO notifications_email ("to", template, context, dedup_key, secrets, status, subject, '
            "body_text, body_html, attempts, last_error, created_at) "
            "SELECT recipient, template, context, dedup_key, secrets, 'pending', '', '', '', 0, '', now() "
            "FROM notifications_email_in ON CONFLICT (dedup_key) DO NOTHING"
        )
        cursor.execute("DELETE FROM notifications_email_in")


def queue_many(messages: list[Message]) -> int:
    """Write the messages (skipping those whose dedup key was already queued); returns how many were
    given. Must run inside the transaction of the change (the e-mails leave after its commit)."""
    messages = [m for m in messages if m.to]
    if not messages:
        return 0
    if len(messages) >= COPY_THRESHOLD:
        _copy(messages)
    else:
        rows = [
            Email(
                to=m.to,
                template=m.template,
                context=m.context,
                dedup_key=m.dedup_key,
                secrets=list(m.secrets),
            )
            for m in messages
        ]
        Email.objects.bulk_create(rows, ignore_conflicts=True)
    transaction.on_commit(_kick)
    return len(messages)


def queue(
    *, to: str, template: str, context: dict, dedup_key: str | None = None, secrets: tuple[str, ...] = ()
) -> int:
    """Queue one e-mail (``notifications/emails/<template>…``); ``context`` is JSON (strings, numbers),
    ``secrets`` names the context keys to mask once it is sent."""
    message = Message(to=to, template=template, context=context, dedup_key=dedup_key, secrets=tuple(secrets))
    return queue_many([message])


def _mask(email: Email) -> bool:
    """Mask the secrets of the context once they are of no more use; True when something was masked."""
    if not email.secrets or getattr(settings, "NOTIFICATIONS_KEEP_SECRETS", False):
        return False
    email.context = {k: MASKED if k in email.secrets else v for k, v in email.context.items()}
    return True


def _keep(email: Email, rendered: Rendered) -> None:
    """What the row keeps of the sent e-mail: its rendering, secrets masked (unless in development).
    It never raises: the e-mail has left, a failure here must not send it again."""
    if _mask(email):
        try:
            rendered = render(email.template, email.context)
        except Exception:  # the masked context does not render: keep the subject only
            logger.exception("e-mail %s: masked copy not rendered", email.pk)
            rendered = Rendered(subject=rendered.subject, text="", html="")
    email.subject, email.body_text, email.body_html = rendered.subject, rendered.text, rendered.html


def _send(email: Email) -> None:
    rendered = render(email.template, email.context)
    message = EmailMultiAlternatives(rendered.subject, rendered.text, settings.DEFAULT_FROM_EMAIL, [email.to])
    if rendered.html:
        message.attach_alternative(rendered.html, "text/html")
    message.send()
    _keep(email, rendered)


def send_pending(*, batch_size: int = 100, max_batches: int | None = None) -> int:
    """Send pending e-mails; returns how many were sent. Safe to run in several workers at once."""
    sent = batches = 0
    while max_batches is None or batches < max_batches:
        batches += 1
        with transaction.atomic():
            emails = list(
                Email.objects.select_for_update(skip_locked=True)
                .filter(status=Email.Status.PENDING)
                .order_by("id")[:batch_size]
            )
            if not emails:
                break
            for email in emails:
                email.attempts += 1
                try:
                    _send(email)
                except Exception as error:  # a bad address or a server down: retried, then failed
                    email.last_error = f"{type(error).__name__}: {error}"[:2000]
                    if email.attempts >= MAX_ATTEMPTS:
                        email.status = Email.Status.FAILED
                        _mask(email)
                    logger.warning("e-mail %s not sent: %s", email.pk, error)
                else:
                    email.status = Email.Status.SENT
                    email.sent_at = timezone.now()
                    sent += 1
                email.save(
                    update_fields=[
                        "status",
                        "context",
                        "subject",
                        "body_text",
                        "body_html",
                        "attempts",
                        "last_error",
                        "sent_at",
                    ]
                )
    return sent
