"""Local fake FranceConnect+ (OpenID Connect provider) for development and tests; never in production.

Run it with ``python -m devtools.idp --port 8090`` (``make run`` starts it when the settings use it);
tests use the fixtures of ``devtools.idp.testing``.
"""

from .provider import Client, FakeFranceConnect
from .tokens import ClientKeys

__all__ = ["Client", "ClientKeys", "FakeFranceConnect"]
