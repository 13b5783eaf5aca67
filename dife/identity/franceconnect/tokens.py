"""Read what the provider sends: decrypt when it is a JWE, verify the JWS signature, check the claims."""

from __future__ import annotations

import base64
import json
import time
from hmac import compare_digest

from joserfc import jwe, jwt
from joserfc.errors import BadSignatureError, JoseError

from dife.identity.franceconnect import keys, provider
from dife.identity.franceconnect.config import REQUIRED_RANK, Config, acr_rank
from dife.identity.franceconnect.errors import FranceConnectError

JWE_ALGORITHMS = ["RSA-OAEP", "RSA-OAEP-256", "ECDH-ES", "A256GCM"]
JWS_ALGORITHMS = ["ES256", "RS256"]
LEEWAY = 60  # seconds of clock difference tolerated on exp / iat


def _header(compact: str) -> dict:
    segment = compact.split(".", 1)[0]
    try:
        header = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    except ValueError as exc:
        raise FranceConnectError("signature", "unreadable JOSE header") from exc
    if not isinstance(header, dict):
        raise FranceConnectError("signature", "JOSE header is not an object")
    return header


def decrypt(value: str) -> str:
    """The signed JWT inside a compact JWE (5 parts); a signed JWT (3 parts) is returned as is."""
    value = value.strip()
    dots = value.count(".")
    if dots == 2:
        return value
    if dots != 4:
        raise FranceConnectError("signature", "neither a JWS nor a JWE")
    header = _header(value)
    if header.get("enc") != "A256GCM" or header.get("alg") not in JWE_ALGORITHMS:
        raise FranceConnectError(
            "signature", f"JWE algorithm not accepted: {header.get('alg')}/{header.get('enc')}"
        )
    try:
        plaintext = jwe.decrypt_compact(value, keys.private_keyset(), algorithms=JWE_ALGORITHMS).plaintext
    except (JoseError, ValueError) as exc:
        raise FranceConnectError("signature", f"JWE cannot be decrypted: {type(exc).__name__}") from exc
    return (plaintext or b"").decode()


def verify(cfg: Config, value: str) -> dict:
    """Claims of a signed JWT, after checking its signature against the provider's JWKS.

    An unknown ``kid`` makes us refetch the JWKS once (the provider may have rotated its keys).
    """
    header = _header(value)
    if header.get("alg") not in JWS_ALGORITHMS:
        raise FranceConnectError("signature", f"signature algorithm not accepted: {header.get('alg')}")
    kid = header.get("kid")
    keyset = provider.jwks(cfg)
    if kid not in {key.kid for key in keyset}:
        keyset = provider.jwks(cfg, refresh=True)
        if kid not in {key.kid for key in keyset}:
            raise FranceConnectError("signature", "signing key unknown to the provider JWKS")
    try:
        return jwt.decode(value, keyset, algorithms=JWS_ALGORITHMS).claims
    except BadSignatureError as exc:
        raise FranceConnectError("signature", "bad signature") from exc
    except (JoseError, ValueError) as exc:
        raise FranceConnectError("signature", f"JWS cannot be read: {type(exc).__name__}") from exc


def read(cfg: Config, value: str) -> dict:
    return verify(cfg, decrypt(value))


def _audience_ok(claims: dict, client_id: str) -> bool:
    aud = claims.get("aud")
    if isinstance(aud, str):
        return aud == client_id
    if isinstance(aud, list) and client_id in aud:
        return len(aud) == 1 or claims.get("azp") == client_id
    return False


def check_id_token(cfg: Config, claims: dict, *, nonce: str, now: float | None = None) -> None:
    now = time.time() if now is None else now
    if claims.get("iss") != cfg.issuer:
        raise FranceConnectError("token", "iss differs from the issuer")
    if not _audience_ok(claims, cfg.client_id):
        raise FranceConnectError("token", "aud is not our client id")
    exp = claims.get("exp")
    if not isinstance(exp, int | float) or exp + LEEWAY < now:
        raise FranceConnectError("token", "ID token expired")
    iat = claims.get("iat")
    if isinstance(iat, int | float) and iat - LEEWAY > now:
        raise FranceConnectError("token", "ID token issued in the future")
    if not compare_digest(str(claims.get("nonce", "")), nonce):
        raise FranceConnectError("nonce", "nonce differs from the one we sent")
    if not claims.get("sub"):
        raise FranceConnectError("token", "no sub")
    if acr_rank(claims.get("acr")) < REQUIRED_RANK:
        raise FranceConnectError("acr", f"acr {claims.get('acr')!r} below eidas2")


def check_userinfo(cfg: Config, claims: dict, *, sub: str) -> None:
    if claims.get("sub") != sub:
        raise FranceConnectError("userinfo", "userinfo sub differs from the ID token sub")
    if "iss" in claims and claims["iss"] != cfg.issuer:
        raise FranceConnectError("userinfo", "userinfo iss differs from the issuer")
    if "aud" in claims and not _audience_ok(claims, cfg.client_id):
        raise FranceConnectError("userinfo", "userinfo aud is not our client id")
    for name in ("given_name", "family_name", "birthdate", "gender"):
        if not claims.get(name):
            raise FranceConnectError("userinfo", f"userinfo lacks {name}")
