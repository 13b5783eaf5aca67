"""``python -m devtools.idp``: run the local fake FranceConnect+ until Ctrl-C.

python -m devtools.idp --port 8090                  # defaults match config/settings/base.py
python -m devtools.idp --from-django-settings       # what `make run` starts (issuer, client, keys URL)
python -m devtools.idp --check                      # exit 0 when the settings want the local provider
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from . import server
from .provider import Client, FakeFranceConnect
from .tokens import ClientKeys

DEFAULT_CLIENT_ID = "dife-local"
DEFAULT_CLIENT_SECRET = "dife-local-secret-not-for-production-0123456789"


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m devtools.idp", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--issuer", help="par défaut http://HOST:PORT/api/v2")
    parser.add_argument("--client-id", default=DEFAULT_CLIENT_ID)
    parser.add_argument("--client-secret", default=DEFAULT_CLIENT_SECRET)
    parser.add_argument("--client-jwks-uri", default="http://127.0.0.1:8000/franceconnect/jwks")
    parser.add_argument(
        "--client-jwks-file", type=Path, help="clés publiques du client (JSON) au lieu de l'URL"
    )
    parser.add_argument(
        "--from-django-settings",
        action="store_true",
        help="émetteur, client et secret lus dans settings.FRANCECONNECT",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="code 0 si les réglages Django activent FranceConnect+ avec ce fournisseur local",
    )
    parser.add_argument("--verbose", action="store_true")
    return parser.parse_args(argv)


def django_settings() -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.conf import settings

    return dict(settings.FRANCECONNECT)


def is_local(issuer: str) -> bool:
    return (urlsplit(issuer).hostname or "") in {"127.0.0.1", "localhost", "::1"}


def main(argv: list[str]) -> int:
    args = parse(argv)
    if args.check or args.from_django_settings:
        config = django_settings()
        wanted = bool(config.get("ENABLED")) and is_local(config.get("ISSUER", ""))
        if args.check:
            return 0 if wanted else 1
        parts = urlsplit(config["ISSUER"])
        args.issuer, args.host, args.port = config["ISSUER"], parts.hostname, parts.port or 80
        args.client_id, args.client_secret = config["CLIENT_ID"], config["CLIENT_SECRET"]
        address = os.environ.get("DIFE_ADDRESS", "127.0.0.1:8000")
        args.client_jwks_uri = f"http://{address}/franceconnect/jwks"
    issuer = args.issuer or f"http://{args.host}:{args.port}/api/v2"
    jwks = json.loads(args.client_jwks_file.read_text()) if args.client_jwks_file else None
    client = Client(args.client_id, args.client_secret, ClientKeys(jwks=jwks, jwks_uri=args.client_jwks_uri))
    app = FakeFranceConnect(issuer, [client])
    httpd = server.make(app, args.host, args.port, quiet=not args.verbose)
    print(f"FranceConnect+ local (identités fictives) : {issuer}", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
