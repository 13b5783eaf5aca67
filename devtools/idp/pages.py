"""The few HTML pages of the fake provider (plain HTML, no external asset)."""

from __future__ import annotations

from html import escape

from . import identities

FAULTS = {
    "": "Aucune : comportement normal",
    "eidas1": "Niveau d'identité trop faible (acr eidas1)",
    "wrong_nonce": "Nonce erroné dans l'ID token",
    "unknown_key": "ID token signé par une clé inconnue (kid absent du JWKS)",
    "bad_signature": "Signature invalide (kid connu, mauvaise clé)",
    "expired": "ID token expiré",
    "wrong_issuer": "Émetteur (iss) erroné",
    "wrong_audience": "Audience (aud) erronée",
    "wrong_state": "State erroné dans la redirection",
    "token_error": "Erreur du point d'accès token (invalid_grant)",
    "slow_token": "Point d'accès token trop lent (délai dépassé)",
    "userinfo_other_sub": "Userinfo d'une autre personne (sub différent)",
    "unsigned_userinfo": "Userinfo en JSON non signé",
}

STYLE = """
body{font-family:Marianne,Arial,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#161616}
h1{font-size:1.6rem;color:#000091} .id{display:block;border:1px solid #ddd;padding:.6rem;margin:.4rem 0}
button{font-size:1rem;padding:.5rem 1rem;margin:.4rem .4rem 0 0;cursor:pointer}
.primary{background:#000091;color:#fff;border:0} .note{color:#555;font-size:.9rem}
"""


def _page(title: str, body: str) -> bytes:
    return (
        f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{STYLE}</style></head><body>{body}</body></html>"
    ).encode()


def authorize(params: dict[str, str], client_id: str, endpoint: str) -> bytes:
    hidden = "".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">'
        for name, value in params.items()
    )
    choices = "".join(
        f'<label class="id"><input type="radio" name="identity" value="{escape(i["key"])}"'
        f"{' checked' if n == 0 else ''}> <strong>{escape(identities.label(i))}</strong>"
        f" — née ou né le {escape(i['birthdate'])}"
        f"{' — ' + escape(i['mandate']['label']) if i['mandate'] else ' — sans mandat'}</label>"
        for n, i in enumerate(identities.IDENTITIES)
    )
    faults = "".join(f'<option value="{escape(k)}">{escape(v)}</option>' for k, v in FAULTS.items())
    body = (
        "<h1>FranceConnect+ local (simulation)</h1>"
        '<p class="note">Fournisseur d\'identité de développement : identités fictives, '
        "jamais en production. "
        f"Service demandeur : <code>{escape(client_id)}</code>, niveau demandé : "
        f"<code>{escape(params.get('acr_values', ''))}</code>.</p>"
        f'<form method="post" action="{escape(endpoint)}">{hidden}'
        f"<fieldset><legend>Choisissez l'identité avec laquelle vous connecter</legend>{choices}</fieldset>"
        f'<p><label>Simuler une erreur : <select name="fault">{faults}</select></label></p>'
        '<button class="primary" type="submit" name="action" value="accept">Continuer sur le service</button>'
        '<button type="submit" name="action" value="deny">Refuser (access_denied)</button>'
        "</form>"
    )
    return _page("FranceConnect+ local", body)


def error(message: str) -> bytes:
    return _page("Erreur", f"<h1>Erreur</h1><p>{escape(message)}</p>")


def index(issuer: str) -> bytes:
    rows = "".join(
        f"<li>{escape(identities.label(i))} ({escape(i['birthdate'])}) — "
        f"NIR fictif <code>{escape(i['nir'])}</code>"
        f"{' — ' + escape(i['mandate']['label']) if i['mandate'] else ''}</li>"
        for i in identities.IDENTITIES
    )
    body = (
        "<h1>FranceConnect+ local</h1>"
        f"<p>Émetteur : <code>{escape(issuer)}</code> — "
        f'<a href="{escape(issuer)}/.well-known/openid-configuration">découverte</a></p>'
        f"<h2>Identités fictives</h2><ul>{rows}</ul>"
    )
    return _page("FranceConnect+ local", body)
