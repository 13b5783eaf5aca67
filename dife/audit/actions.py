"""Every action name the audit journal accepts: ``<domain>.<object>.<verb>`` (decision 0009).

``record()`` refuses a name missing from ``ACTIONS`` when ``settings.AUDIT_CHECK_ACTIONS`` is on (dev and
tests), so a new action is added here, with its French description, before it is used. ``RENAMED`` keeps
the names of journal rows written before this vocabulary (rewritten by ``audit/0003_action_names``).
"""

from __future__ import annotations

# The enrollment states (dife/enrollment/states.py), spelled here: the audit app imports no domain app.
DOSSIER_STATES = {
    "submitted": "demande envoyée",
    "proposed": "proposition de l'organisme",
    "accepted": "inscription confirmée",
    "in_training": "entrée en formation",
    "exited": "sortie de formation",
    "service_declared": "service fait déclaré",
    "service_validated": "service fait validé",
    "refused_by_of": "refusé par l'organisme",
    "expired_of": "sans réponse de l'organisme",
    "cancelled_by_elu": "annulé par l'élu",
    "refused_by_elu": "proposition déclinée",
    "expired_elu": "sans confirmation de l'élu",
    "cancelled_by_of": "annulé par l'organisme",
}
REVIEW_STEPS = {"submitted": "demande envoyée", "approved": "acceptée", "refused": "refusée"}
ACTIONS: dict[str, str] = {
    # Élu accounts (dife/accounts, dife/www/elus)
    "accounts.session.signed_in": "Connexion d'un élu",
    "accounts.session.sign_in_failed": "Échec de connexion d'un élu",
    "accounts.session.signed_out": "Déconnexion d'un élu",
    "accounts.password.reset_requested": "Demande de réinitialisation du mot de passe",
    "accounts.password.reset": "Mot de passe réinitialisé",
    "accounts.password.changed": "Mot de passe modifié",
    "accounts.password.change_refused": "Modification du mot de passe refusée",
    "accounts.email.change_started": "Changement d'adresse e-mail demandé",
    "accounts.email.changed": "Adresse e-mail modifiée",
    "accounts.email.change_refused": "Changement d'adresse e-mail refusé",
    "accounts.elu_account.created": "Compte élu créé",
    "accounts.elu_account.duplicate_signup": "Inscription avec un NIR déjà enregistré",
    "accounts.elu_profile.identity_completed": "Identité de l'élu complétée",
    "accounts.elu_profile.diploma_changed": "Diplôme de l'élu modifié",
    "accounts.elu_profile.contact_changed": "Coordonnées de l'élu modifiées",
    "accounts.elu_profile.address_changed": "Adresse de l'élu modifiée",
    # Staff sign-in (dife/organisations, dife/www/pro)
    "staff.session.password_accepted": "Mot de passe accepté (code TOTP à suivre)",
    "staff.session.signed_in": "Connexion d'un professionnel",
    "staff.session.sign_in_failed": "Échec de connexion d'un professionnel",
    "staff.session.locked": "Connexion d'un professionnel bloquée",
    "staff.session.signed_out": "Déconnexion d'un professionnel",
    "staff.totp.enrolled": "Application d'authentification enregistrée",
    "staff.totp.failed": "Code TOTP refusé",
    "staff.totp.throttled": "Trop de codes TOTP refusés",
    "staff.password_reset.requested": "Réinitialisation du mot de passe demandée (professionnel)",
    "staff.password_reset.unknown": "Réinitialisation demandée pour une adresse inconnue",
    "staff.password_reset.completed": "Mot de passe réinitialisé (professionnel)",
    # FranceConnect+ (dife/identity)
    "identity.franceconnect.signed_in": "Connexion avec FranceConnect+",
    "identity.franceconnect.stepped_up": "Vérification d'identité FranceConnect+ en cours de session",
    "identity.franceconnect.failed": "Échec FranceConnect+",
    "identity.franceconnect.account_created": "Compte élu créé avec FranceConnect+",
    "identity.franceconnect.linked": "Compte lié à FranceConnect+",
    "identity.franceconnect.link_refused": "Liaison FranceConnect+ refusée",
    "identity.franceconnect.nir_refused": "NIR FranceConnect+ en désaccord avec le compte",
    # Organisations
    "organisations.organisation.created": "Organisation créée",
    "organisations.invitation.sent": "Invitation envoyée",
    "organisations.invitation.accepted": "Invitation acceptée",
    # Catalog
    "catalog.organisme.saved": "Fiche de l'organisme enregistrée",
    "catalog.organisme.agrement_changed": "Agrément de l'organisme modifié",
    "catalog.formation.created": "Formation créée",
    "catalog.formation.updated": "Formation modifiée",
    "catalog.formation.published": "Formation publiée",
    "catalog.formation.closed": "Formation fermée",
    "catalog.action.created": "Action créée",
    "catalog.action.updated": "Action modifiée",
    "catalog.action.published": "Action publiée",
    "catalog.action.closed": "Action fermée",
    "catalog.session.created": "Session créée",
    "catalog.session.updated": "Session modifiée",
    "catalog.file.imported": "Fichier de catalogue importé",
    # Mandates (manual changes of the register)
    "mandates.mandate.added": "Mandat ajouté",
    "mandates.mandate.corrected": "Mandat corrigé",
    "mandates.mandate.closed": "Mandat clos",
    # Rights
    "rights.account.adjusted": "Ajustement du compte DIFE",
    # Enrollment: the dossier reaches a state (dife/enrollment/machine.py), and the money around it
    **{f"enrollment.dossier.{state}": f"Dossier : {label}" for state, label in DOSSIER_STATES.items()},
    "enrollment.dossier.reste_paid": "Reste à payer réglé",
    "enrollment.dossier.declaration_late": "Déclaration de l'organisme en retard (relance)",
    "enrollment.settlement.validated": "Règlement validé",
    # Gestionnaire reviews (dife/reviews): submitted, then a decision
    **{
        f"{name}.{step}": f"{label} : {step_label}"
        for name, label in (
            ("identity.verification", "Vérification d'identité"),
            ("mandates.rattachement", "Rattachement"),
        )
        for step, step_label in REVIEW_STEPS.items()
    },
    # Technical administration (dife/audit/admin_site.py)
    "admin.object.added": "Administration technique : ajout",
    "admin.object.changed": "Administration technique : modification",
    "admin.object.deleted": "Administration technique : suppression",
}

# Names used before decision 0009 → their name now (the journal's old rows are rewritten).
RENAMED: dict[str, str] = {
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
    **{f"enrollment.{state}": f"enrollment.dossier.{state}" for state in DOSSIER_STATES},
    "enrollment.reste_paid": "enrollment.dossier.reste_paid",
    "enrollment.declaration_late": "enrollment.dossier.declaration_late",
    "admin.add": "admin.object.added",
    "admin.change": "admin.object.changed",
    "admin.delete": "admin.object.deleted",
}


class UnknownAction(ValueError):
    """An action name missing from ``ACTIONS`` (raised in dev and tests only)."""


def check(action: str) -> None:
    if action not in ACTIONS:
        raise UnknownAction(f"Unknown audit action {action!r}: add it to dife/audit/actions.py first.")
