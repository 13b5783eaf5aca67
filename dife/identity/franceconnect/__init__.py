"""A thin OpenID Connect client for FranceConnect v2 / FranceConnect+ (httpx + joserfc).

``config`` reads settings.FRANCECONNECT; ``provider`` fetches and caches discovery and JWKS;
``tokens`` decrypts (JWE) and verifies (JWS) what the provider sends; ``client`` builds the URLs and
calls the token and userinfo endpoints. No database access here: see dife.identity.services.
"""
