"""settings.FRANCECONNECT, read at each use (tests and deployments change it)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from dife.identity.franceconnect.errors import FranceConnectError

SCOPE = "openid given_name family_name birthdate gender birthplace birthcountry email preferred_username"
ACR_VALUES = "eidas2"
# eIDAS levels as FranceConnect names them; "substantiel" (eidas2) or higher is required.
ACR_RANK = {"eidas1": 1, "eidas2": 2, "eidas3": 3}
REQUIRED_RANK = 2


@dataclass(frozen=True)
class Config:
    enabled: bool
    issuer: str
    client_id: str
    client_secret: str
    private_jwks: str
    timeout: float


def current() -> Config:
    raw = getattr(settings, "FRANCECONNECT", {}) or {}
    return Config(
        enabled=bool(raw.get("ENABLED")),
        issuer=str(raw.get("ISSUER", "")).rstrip("/"),
        client_id=str(raw.get("CLIENT_ID", "")),
        client_secret=str(raw.get("CLIENT_SECRET", "")),
        private_jwks=str(raw.get("PRIVATE_JWKS", "") or ""),
        timeout=float(raw.get("TIMEOUT", 5.0)),
    )


def enabled() -> bool:
    cfg = current()
    return cfg.enabled and bool(cfg.issuer and cfg.client_id)


def require() -> Config:
    cfg = current()
    if not (cfg.enabled and cfg.issuer and cfg.client_id and cfg.client_secret):
        raise FranceConnectError("disabled", "FranceConnect+ is disabled or not configured")
    return cfg


def acr_rank(acr: str | None) -> int:
    return ACR_RANK.get(acr or "", 0)
