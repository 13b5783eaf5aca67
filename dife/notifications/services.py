"""Queue e-mails in the outbox (inside the caller's transaction) and send them after the commit.

``queue`` / ``queue_many`` write rows and arrange, on commit, for the ``notifications.send_outbox``
task to run (one queued job at a time: a queueing lock); a periodic run every minute is the safety
net when no job could be deferred. ``send_pending`` takes pending rows in ``SKIP LOCKED`` batches, so
several workers never send the same e-mail twice.
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
from dife.notifications.rendering import render

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class Message:
    to: str
    template: str
    context: dict
    dedup_key: str | None = None


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
            "(recipient text, template text, context jsonb, dedup_key text) ON COMMIT DELETE ROWS"
        )
        with cursor.cursor.copy(
            "COPY notifications_email_in (recipient, template, context, dedup_key) FROM STDIN"
        ) as copy:
            for m in messages:
                copy.write_row((m.to, m.template, json.dumps(m.context, ensure_ascii=False), m.dedup_key))
        cursor.execute(
            'INSERT INTO notifications_email ("to", template, context, dedup_key, status, subject, '
            "body_text, body_html, attempts, last_error, created_at) "
            "SELECT recipient, template, context, dedup_key, 'pending', '', '', '', 0, '', now() "
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
            Email(to=m.to, template=m.template, context=m.context, dedup_key=m.dedup_key) for m in messages
        ]
        Email.objects.bulk_create(rows, ignore_conflicts=True)
    transaction.on_commit(_kick)
    return len(messages)


def queue(*, to: str, template: str, context: dict, dedup_key: str | None = None) -> int:
    return queue_many([Message(to=to, template=template, context=context, dedup_key=dedup_key)])


def _send(email: Email) -> None:
    rendered = render(email.template, email.context)
    message = EmailMultiAlternatives(rendered.subject, rendered.text, settings.DEFAULT_FROM_EMAIL, [email.to])
    message.attach_alternative(rendered.html, "text/html")
    message.send()
    email.subject, email.body_text, email.body_html = rendered.subject, rendered.text, rendered.html


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
                    logger.warning("e-mail %s not sent: %s", email.pk, error)
                else:
                    email.status = Email.Status.SENT
                    email.sent_at = timezone.now()
                    sent += 1
                email.save(
                    update_fields=[
                        "status",
                        "subject",
                        "body_text",
                        "body_html",
                        "attempts",
                        "last_error",
                        "sent_at",
                    ]
                )
    return sent
