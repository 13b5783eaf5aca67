"""Audit action names follow one vocabulary, ``<domain>.<object>.<verb>`` (decision 0009).

The journal is append-only (trigger ``audit_event_append_only``): the trigger is disabled for this one
UPDATE, inside this migration's transaction, so old rows carry the new names too. Frozen copy of
``dife.audit.actions.RENAMED`` at the time of the rename.
"""

from django.db import migrations

from dife.core.enum_values import rename_values

RENAMED = {
    "accounts.sign_in": "accounts.session.signed_in",
    "accounts.sign_in_failed": "accounts.session.sign_in_failed",
    "accounts.sign_out": "accounts.session.signed_out",
    "accounts.password_reset_requested": "accounts.password.reset_requested",
    "accounts.password_reset": "accounts.password.reset",
    "accounts.password_changed": "accounts.password.changed",
    "accounts.password_change_refused": "accounts.password.change_refused",
    "accounts.email_change_started": "accounts.email.change_started",
    "accounts.email_changed": "accounts.email.changed",
    "accounts.email_change_refused": "accounts.email.change_refused",
    "accounts.elu_account_created": "accounts.elu_account.created",
    "accounts.signup_duplicate": "accounts.elu_account.duplicate_signup",
    "accounts.elu_identity_completed": "accounts.elu_profile.identity_completed",
    "accounts.elu_diploma_changed": "accounts.elu_profile.diploma_changed",
    "accounts.elu_contact_changed": "accounts.elu_profile.contact_changed",
    "accounts.elu_address_changed": "accounts.elu_profile.address_changed",
    "staff.signin.password_ok": "staff.session.password_accepted",
    "staff.signin.succeeded": "staff.session.signed_in",
    "staff.signin.failed": "staff.session.sign_in_failed",
    "staff.signin.locked": "staff.session.locked",
    "staff.signout": "staff.session.signed_out",
    "franceconnect.sign_in": "identity.franceconnect.signed_in",
    "franceconnect.step_up": "identity.franceconnect.stepped_up",
    "franceconnect.failed": "identity.franceconnect.failed",
    "franceconnect.account_created": "identity.franceconnect.account_created",
    "franceconnect.linked": "identity.franceconnect.linked",
    "franceconnect.link_refused": "identity.franceconnect.link_refused",
    "franceconnect.nir_refused": "identity.franceconnect.nir_refused",
    "catalog.organisme.agrement": "catalog.organisme.agrement_changed",
    "catalog.import": "catalog.file.imported",
    "mandates.added": "mandates.mandate.added",
    "mandates.corrected": "mandates.mandate.corrected",
    "mandates.closed": "mandates.mandate.closed",
    "rights.adjust": "rights.account.adjusted",
    "enrollment.submitted": "enrollment.dossier.submitted",
    "enrollment.proposed": "enrollment.dossier.proposed",
    "enrollment.accepted": "enrollment.dossier.accepted",
    "enrollment.in_training": "enrollment.dossier.in_training",
    "enrollment.exited": "enrollment.dossier.exited",
    "enrollment.service_declared": "enrollment.dossier.service_declared",
    "enrollment.service_validated": "enrollment.dossier.service_validated",
    "enrollment.refused_by_of": "enrollment.dossier.refused_by_of",
    "enrollment.expired_of": "enrollment.dossier.expired_of",
    "enrollment.cancelled_by_elu": "enrollment.dossier.cancelled_by_elu",
    "enrollment.refused_by_elu": "enrollment.dossier.refused_by_elu",
    "enrollment.expired_elu": "enrollment.dossier.expired_elu",
    "enrollment.cancelled_by_of": "enrollment.dossier.cancelled_by_of",
    "enrollment.reste_paid": "enrollment.dossier.reste_paid",
    "admin.add": "admin.object.added",
    "admin.change": "admin.object.changed",
    "admin.delete": "admin.object.deleted",
}


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0002_append_only_trigger"),
    ]

    operations = [
        rename_values("audit_event", "action", RENAMED, trigger="audit_event_append_only"),
    ]
