"""Identity tests: the local FranceConnect+ for real (a thread on a free port), accounts, staff."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from devtools.idp import identities
from devtools.idp.testing import fake_franceconnect, franceconnect_server  # noqa: F401
from dife.accounts.models import User
from dife.accounts.services import create_elu_account

PASSWORD = "Motdepasse-solide-2026!"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def make_elu(
    identity_key: str = "angele",
    *,
    nir: str | None = None,
    verified_identity: bool = False,
    nom_naissance: str | None = None,
    email: str = "",
) -> User:
    """A password élu account as the wizard makes it (NIR + birth name), optionally with the identity
    fields a verified source fills (first names, birth date)."""
    identity = identities.get(identity_key)
    extra = {}
    if verified_identity:
        extra = {
            "prenoms": identity["given_name"],
            "date_naissance": date.fromisoformat(identity["birthdate"]),
        }
    return create_elu_account(
        nir=nir or identity["nir"],
        nom_naissance=nom_naissance or identity["family_name"],
        email=email or identity["email"],
        password=PASSWORD,
        **extra,
    )


def make_linked_elu(identity_key: str = "angele", **kwargs) -> User:
    """A password account already linked to its FranceConnect+ identity on the test provider (the
    link itself needs the owner's proof: see test_link_proof.py)."""
    from devtools.idp.testing import CLIENT_ID
    from dife.identity.models import FranceConnectLink

    user = make_elu(identity_key, **kwargs)
    FranceConnectLink.objects.create(
        user=user, sub=identities.sub_for(identity_key, CLIENT_ID), last_acr="eidas2"
    )
    return user


def make_staff(kind: str, email: str) -> User:
    user = User.objects.create_user(
        username=email, email=email, password=PASSWORD, kind=kind, first_name="Camille", last_name="Gestion"
    )
    TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


def sign_in_staff(client, user: User) -> None:
    """Both factors done (a shortcut: the TOTP sign-in has its own tests)."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()


@pytest.fixture
def gestionnaire(db) -> User:
    return make_staff(User.Kind.GESTIONNAIRE, "gestionnaire@agence.test")


@pytest.fixture
def organisme_user(db) -> User:
    return make_staff(User.Kind.ORGANISME, "admin@organisme.test")


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def start_franceconnect(client, next_url: str = "") -> str:
    """GET /franceconnect/connexion through Django; the provider's authorization URL it redirects to."""
    response = client.get("/franceconnect/connexion", {"next": next_url} if next_url else {})
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def franceconnect_round_trip(
    client, provider, *, identity: str = "angele", fault: str = "", action: str = "accept", next_url: str = ""
):
    """Start in Django, answer the provider's page, follow its redirect back to our callback."""
    authorization_url = start_franceconnect(client, next_url)
    callback = provider.authorize(authorization_url, identity=identity, fault=fault, action=action)
    assert urlsplit(callback).path == "/franceconnect/callback"
    return client.get(path_of(callback))


def text(response) -> str:
    """The page as a reader sees it: tags removed, HTML entities decoded, white space collapsed."""
    import html

    from django.utils.html import strip_tags

    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


def read_file_response(response) -> bytes:
    """The body of a FileResponse. Reading it to the end closes the file (the test client's wrapper);
    calling ``response.close()`` here would also close the test database connection."""
    return b"".join(response.streaming_content)
