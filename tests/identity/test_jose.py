"""JOSE details: JWE decryption with each key type, RS256 and ES256, JWKS cache and refetch, our JWKS."""

from __future__ import annotations

import json

import pytest

from dife.identity.franceconnect import config, keys, provider, tokens
from dife.identity.franceconnect.errors import FranceConnectError
from dife.identity.models import FranceConnectLink
from tests.identity.conftest import franceconnect_round_trip, make_linked_elu

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("encryption_alg", "signing_alg"),
    [("RSA-OAEP-256", "ES256"), ("ECDH-ES", "ES256"), ("RSA-OAEP-256", "RS256"), ("ECDH-ES", "RS256")],
)
def test_encrypted_and_signed_tokens_are_read(client, fake_franceconnect, encryption_alg, signing_alg):
    fake_franceconnect.client.encryption_alg = encryption_alg
    fake_franceconnect.client.signing_alg = signing_alg
    user = make_linked_elu("angele")
    response = franceconnect_round_trip(client, fake_franceconnect, identity="angele")
    assert response.status_code == 302, response.content[:500]
    assert FranceConnectLink.objects.get().user == user
    assert int(client.session["_auth_user_id"]) == user.pk


def test_the_provider_really_encrypts_to_our_public_key(fake_franceconnect):
    """What the provider sends is a 5-part JWE whose header names one of our keys; we decrypt it."""
    from devtools.idp.tokens import encrypt

    signed = fake_franceconnect.provider.keys.sign({"sub": "x", "iss": fake_franceconnect.issuer})
    for alg in ("RSA-OAEP-256", "ECDH-ES"):
        jwe = encrypt(signed, fake_franceconnect.client.keys, alg)
        assert jwe.count(".") == 4
        header = tokens._header(jwe)
        assert header["alg"] == alg and header["enc"] == "A256GCM"
        assert header["kid"] in {key.kid for key in keys.private_keyset()}
        assert tokens.decrypt(jwe) == signed
        assert tokens.read(config.current(), jwe)["sub"] == "x"


def test_a_jwe_for_someone_else_is_refused(fake_franceconnect):
    from devtools.idp.testing import generate_client_jwks
    from devtools.idp.tokens import ClientKeys, encrypt

    stranger = ClientKeys(jwks=json.loads(json.dumps(generate_client_jwks())))
    jwe = encrypt(fake_franceconnect.provider.keys.sign({"sub": "x"}), stranger, "RSA-OAEP-256")
    with pytest.raises(FranceConnectError) as error:
        tokens.decrypt(jwe)
    assert error.value.code == "signature"


def test_jwks_is_cached_and_refetched_once_on_an_unknown_kid(client, fake_franceconnect):
    make_linked_elu("angele")
    make_linked_elu("helene")
    assert franceconnect_round_trip(client, fake_franceconnect, identity="angele").status_code == 302
    assert fake_franceconnect.provider.requests["/jwks"] == 1
    assert fake_franceconnect.provider.requests["/.well-known/openid-configuration"] == 1
    client.logout()

    fake_franceconnect.rotate_keys()  # the provider's tokens now name a kid we have not seen
    response = franceconnect_round_trip(client, fake_franceconnect, identity="helene")
    assert response.status_code == 302, response.content[:500]
    assert fake_franceconnect.provider.requests["/jwks"] == 2  # refetched once, then cached again
    assert fake_franceconnect.provider.requests["/.well-known/openid-configuration"] == 1
    assert FranceConnectLink.objects.count() == 2


def test_an_unknown_kid_after_refetch_is_refused_and_fetches_only_once_more(client, fake_franceconnect):
    provider.jwks(config.current())  # warm cache
    before = fake_franceconnect.provider.requests["/jwks"]
    response = franceconnect_round_trip(client, fake_franceconnect, fault="unknown_key")
    assert response.status_code == 400
    assert fake_franceconnect.provider.requests["/jwks"] == before + 1


def test_our_jwks_endpoint_publishes_only_public_encryption_keys(client, fake_franceconnect):
    response = client.get("/franceconnect/jwks")
    assert response.status_code == 200
    published = response.json()["keys"]
    assert {key["kty"] for key in published} == {"RSA", "EC"}
    assert all(key["use"] == "enc" for key in published)
    for key in published:
        assert not {"d", "p", "q", "dp", "dq", "qi"} & set(key)
    assert {key["kid"] for key in published} == {key.kid for key in keys.private_keyset()}


def test_discovery_with_another_issuer_is_refused(fake_franceconnect, settings):
    settings.FRANCECONNECT = {**settings.FRANCECONNECT, "ISSUER": fake_franceconnect.issuer + "/../api/v2"}
    provider.clear_cache()
    with pytest.raises(FranceConnectError):
        provider.metadata(config.current())
