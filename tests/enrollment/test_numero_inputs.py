"""Dossier numbers from the URL (security review F6): ASCII digits only; a superscript or other
Unicode digit answers 404, never 500."""

from __future__ import annotations

import pytest

from dife.enrollment.perms import parse_numero
from tests.enrollment import factories as f

pytestmark = pytest.mark.django_db


def test_parse_numero_takes_ascii_digits_only():
    assert parse_numero("42") == 42
    assert parse_numero(" 7 ") == 7
    for raw in ("²", "١٢", "4²", "", "1234567890123", "-1", "1.0"):
        assert parse_numero(raw) is None


@pytest.mark.parametrize("suffix", ["²", "١٢", "%E2%80%AE", "a%20b"])
def test_elu_dossier_url_with_a_non_ascii_number_is_404(client, elu, suffix):
    f.sign_in_elu(client, elu)
    assert client.get(f"/dossiers/{suffix}").status_code == 404


@pytest.mark.parametrize("suffix", ["²", "١٢", "x%E2%80%AE"])
def test_of_urls_with_a_non_ascii_number_are_404(client, of_user, suffix):
    f.sign_in_staff(client, of_user)
    assert client.get(f"/of/dossiers/{suffix}").status_code == 404
    assert client.get(f"/of/catalogue/formations/{suffix}").status_code == 404
    assert client.get(f"/of/catalogue/actions/{suffix}").status_code == 404


def test_public_formation_url_with_odd_characters_is_404(client):
    assert client.get("/formation/recherche/²").status_code == 404
    assert client.get("/formation/recherche/a/b²").status_code == 404
