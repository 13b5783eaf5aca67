"""A review workflow declared once as a table of rules, in the style of ``dife/enrollment/machine.py``.

Each workflow declares ``Rule(source, target, actor, label, guard)`` rows and one ``ReviewMachine``.
``create`` saves a new pending request with the first row of its log; ``apply`` is the only code that
changes a request's status: it locks the row, checks the rule, the actor and the guard, writes the
log row (who, when, from, to, reason) and the decision fields, deletes the documents after the
commit, records the audit event ``<domain>.<object>.<status>`` and queues the e-mails, in one
transaction. The database refuses a status change without its log row (reviews 0001).

Guards take the locked request (with the ``changes`` that go with the transition) and return a French
reason to refuse, or None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from dife.audit.services import record
from dife.core import uploads
from dife.reviews.errors import ALREADY_DECIDED, REASON_REQUIRED, NotAllowed, ReviewRefused
from dife.reviews.models import DECIDED, ReviewRequest, ReviewStatus, ReviewTransition

Guard = Callable[[ReviewRequest], str | None]
R = TypeVar("R", bound=ReviewRequest)  # the workflow's request model


def _always(request: ReviewRequest) -> None:
    return None


@dataclass(frozen=True)
class Rule:
    source: str
    target: str
    actor: str  # the kind of user (``User.Kind``) who may do it
    label: str
    guard: Guard = _always


class ReviewMachine(Generic[R]):
    """The rules of one workflow and the only writer of its requests' status.

    ``audit_name`` is ``<domain>.<object>`` (``identity.verification``); ``submitter`` the kind of
    user who asks; ``already_pending`` the French refusal of a second pending request; ``notify``
    queues the e-mails of a decision (called in the transaction, with the locked request)."""

    def __init__(
        self,
        *,
        model: type[R],
        log: type[ReviewTransition],
        rules: tuple[Rule, ...],
        audit_name: str,
        submitter: str,
        already_pending: str,
        notify: Callable[[R], None] | None = None,
    ) -> None:
        self.model, self.log, self.rules = model, log, rules
        self.audit_name, self.submitter, self.already_pending = audit_name, submitter, already_pending
        self.notify = notify
        self._rules = {(r.source, r.target): r for r in rules}
        assert len(self._rules) == len(rules), "one rule per (from, to)"

    def rule_for(self, source: str, target: str) -> Rule | None:
        return self._rules.get((source, target))

    def rules_from(self, source: str, actor: str | None = None) -> list[Rule]:
        """The rules that leave ``source`` (for this kind of user), in the table's order."""
        return [r for r in self.rules if r.source == source and (actor is None or r.actor == actor)]

    def targets(self, source: str, actor: str | None = None) -> list[str]:
        """The statuses reachable from ``source`` (for this kind of user), like ``enrollment.machine``."""
        return [r.target for r in self.rules_from(source, actor)]

    def _label(self, status: str) -> str:
        return dict(self.model._meta.get_field("status").choices).get(status, status)

    def check(self, request: ReviewRequest, to: str, *, by) -> str | None:
        """The French reason this change is refused, or None; no side effect (``enrollment.machine``'s
        ``check``). A change the account may not make at all is refused too."""
        try:
            self.require(request, to, by=by)
        except ReviewRefused as refusal:
            return refusal.message
        return None

    def require(self, request: ReviewRequest, to: str, *, by) -> Rule:
        """The rule that allows this change, or ReviewRefused / NotAllowed (no side effect)."""
        rule = self.rule_for(request.status, to)
        if rule is None:
            if request.status in DECIDED:
                raise ReviewRefused(ALREADY_DECIDED, code="already_decided")
            raise ReviewRefused(
                f"Cette demande est « {self._label(request.status)} » : elle ne peut pas passer à "
                f"« {self._label(to)} »."
            )
        if getattr(by, "kind", None) != rule.actor:
            raise NotAllowed(f"« {rule.label} » n'est pas possible pour ce compte.")
        reason = rule.guard(request)
        if reason:
            raise ReviewRefused(reason)
        return rule

    def create(self, request: R, *, by, http_request=None, **data) -> R:
        """Save a new pending request (its documents already stored by the caller) with the first row
        of its log and its audit event. A second pending request of the same user is refused
        (ReviewRefused, code ``already_pending``) and the documents just stored are deleted."""
        if getattr(by, "kind", None) != self.submitter:
            raise NotAllowed
        now = timezone.now()
        try:
            with transaction.atomic():
                request.status = ReviewStatus.PENDING
                request.save()
                self.log.objects.create(
                    request=request, from_status="", to_status=ReviewStatus.PENDING, actor=by, at=now
                )
                record(
                    action=f"{self.audit_name}.submitted",
                    actor=by,
                    target=request,
                    request=http_request,
                    to_status=ReviewStatus.PENDING,
                    **data,
                )
        except IntegrityError:
            self.discard_documents(request)
            if self.model.objects.filter(user=request.user, status=ReviewStatus.PENDING).exists():
                raise ReviewRefused(self.already_pending, code="already_pending") from None
            raise
        except Exception:
            self.discard_documents(request)
            raise
        return request

    @transaction.atomic
    def apply(
        self,
        *,
        request: R,
        to: str,
        by,
        reason: str = "",
        changes: dict | None = None,
        data: dict | None = None,
        http_request=None,
        now: datetime | None = None,
    ) -> R:
        """Change the request's status through its rule; returns the updated (locked) request."""
        now = now or timezone.now()
        reason = (reason or "").strip()
        locked = self.model.objects.select_for_update(of=("self",)).get(pk=request.pk)
        for name, value in (changes or {}).items():  # what goes with the change, seen by the guard
            setattr(locked, name, value)
        self.require(locked, to, by=by)
        if to == ReviewStatus.REFUSED and not reason:
            raise ValidationError(REASON_REQUIRED, code="required")
        source = locked.status
        if to in DECIDED:
            locked.decided_at, locked.decided_by = now, by
            locked.refusal_reason = reason if to == ReviewStatus.REFUSED else ""
            self._purge_on_commit(locked, now)
        self.log.objects.create(
            request=locked, from_status=source, to_status=to, actor=by, at=now, reason=reason, data=data or {}
        )
        locked.status = to
        locked.save()
        record(
            action=f"{self.audit_name}.{to}",
            actor=by,
            target=locked,
            request=http_request,
            from_status=source,
            to_status=to,
            reason=reason,
            **(data or {}),
        )
        if self.notify is not None:
            self.notify(locked)
        return locked

    @staticmethod
    def _stored(request: ReviewRequest) -> tuple[object, list[str]]:
        files = [getattr(request, name) for name in request.DOCUMENTS]
        storage = files[0].storage if files else uploads.private_storage()
        return storage, [f.name for f in files if f]

    def _purge_on_commit(self, request: ReviewRequest, now: datetime) -> None:
        """Empty the document fields now; delete the files once the decision is committed."""
        storage, names = self._stored(request)
        for name in request.DOCUMENTS:
            setattr(request, name, "")
        request.documents_deleted_at = now
        transaction.on_commit(lambda: uploads.delete_files(storage, names), robust=True)

    def discard_documents(self, request: ReviewRequest) -> None:
        """Delete now the stored documents of a request that was not saved (nothing refers to them)."""
        storage, names = self._stored(request)
        uploads.delete_files(storage, names)
