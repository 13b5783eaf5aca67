"""Gestionnaire reviews: the one pattern for a request a gestionnaire approves or refuses (identity
verification, rattachement today; onboarding, frais and controls later).

* ``models.ReviewRequest``: the abstract model (``status``, ``created_at``, ``decided_at``,
  ``decided_by``, ``refusal_reason``, ``documents_deleted_at``) and ``review_constraints`` that tie
  the fields to the status in the database;
* ``models.ReviewTransition``: the abstract transition log (who, when, from, to, reason), one
  concrete table per workflow, append-only; the status of a request changes only with its row
  (trigger function ``dife_review_status_guard``, migration 0001; each workflow's migration adds
  the two triggers, see ``identity/migrations/0003_review_request.py``);
* ``machine``: ``Rule(source, target, actor, label, guard)`` tables and ``ReviewMachine.apply()``,
  the only writer of a status: it locks, checks, logs, purges the documents on commit, audits
  (``<domain>.<object>.<verb>``) and notifies;
* ``errors``: ``ReviewRefused`` (a French message) and ``NotAllowed`` (this user may not act).

Domain apps import this module; it imports only ``dife.audit`` and ``dife.core``. See
docs/decisions/0010-review-requests.md.
"""
