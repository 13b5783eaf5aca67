"""Failures of a FranceConnect+ sign-in, each with the French message the élu reads."""

from __future__ import annotations

RETRY = "Vous pouvez recommencer la connexion avec FranceConnect+ ou vous connecter avec vos identifiants."

MESSAGES: dict[str, str] = {
    "disabled": "La connexion avec FranceConnect+ n'est pas disponible pour le moment. "
    "Connectez-vous avec vos identifiants.",
    "state": "Cette demande de connexion n'a pas pu être vérifiée : elle a expiré, a déjà servi ou n'a pas "
    f"été commencée depuis ce navigateur. Par sécurité, elle a été refusée. {RETRY}",
    "access_denied": "Vous avez annulé la connexion avec FranceConnect+ : aucun compte n'a été créé ni "
    f"modifié. {RETRY}",
    "provider": f"FranceConnect+ a signalé une erreur et n'a pas transmis votre identité. {RETRY}",
    "unavailable": "FranceConnect+ ne répond pas pour le moment (délai dépassé). Réessayez dans quelques "
    "minutes ou connectez-vous avec vos identifiants.",
    "signature": "La signature de la réponse de FranceConnect+ n'a pas pu être vérifiée : par sécurité, la "
    f"connexion est refusée et aucun compte n'a été créé. {RETRY}",
    "nonce": "La réponse de FranceConnect+ ne correspond pas à votre demande de connexion : par sécurité, "
    f"elle a été refusée et aucun compte n'a été créé. {RETRY}",
    "token": "La réponse de FranceConnect+ n'est pas valide (émetteur, destinataire ou date d'expiration) : "
    f"par sécurité, la connexion est refusée et aucun compte n'a été créé. {RETRY}",
    "acr": "Votre identité numérique n'offre pas le niveau de garantie demandé (eIDAS substantiel). "
    "Choisissez dans FranceConnect+ un fournisseur d'identité de niveau substantiel, par exemple "
    "L'Identité Numérique La Poste, ou demandez une vérification manuelle de votre identité.",
    "userinfo": "Les informations d'identité transmises par FranceConnect+ n'ont pas pu être vérifiées : "
    f"aucun compte n'a été créé. {RETRY}",
    "identity_mismatch": "L'identité transmise par FranceConnect+ ne correspond pas à celle du compte avec "
    "lequel vous êtes connecté (nom de naissance, prénoms, date de naissance). Aucune modification n'a été "
    "faite.",
    "nir_mismatch": "L'identité transmise par FranceConnect+ ne correspond pas au numéro de sécurité sociale "
    "enregistré sur le compte à ce nom : nous ne l'avons pas rattachée. Connectez-vous avec vos "
    "identifiants, ou demandez une vérification manuelle de votre identité.",
    "linked_elsewhere": "Cette identité FranceConnect+ est déjà rattachée à un autre compte. "
    "Déconnectez-vous "
    "puis connectez-vous avec FranceConnect+ pour accéder à ce compte.",
    "account_unavailable": "Le compte rattaché à cette identité ne peut pas être utilisé. Contactez "
    "l'assistance.",
    "not_elu": "La connexion avec FranceConnect+ est réservée aux élus.",
    "expired": "Le délai pour compléter votre compte est dépassé. Recommencez la connexion avec "
    "FranceConnect+.",
}

TITLES: dict[str, str] = {
    "access_denied": "Connexion avec FranceConnect+ annulée",
    "acr": "Niveau de garantie de l'identité insuffisant",
}
DEFAULT_TITLE = "Connexion avec FranceConnect+ impossible"


class FranceConnectError(Exception):
    """``code`` selects the message; ``detail`` is technical, for the audit journal (no personal data)."""

    def __init__(self, code: str, detail: str = ""):
        if code not in MESSAGES:
            raise ValueError(f"unknown FranceConnect error code {code!r}")
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail[:300]

    @property
    def message(self) -> str:
        return MESSAGES[self.code]

    @property
    def title(self) -> str:
        return TITLES.get(self.code, DEFAULT_TITLE)
