"""No 500 from control characters (security review F6): paths, queries and form values carrying
NUL or another control character are refused with 400 before any view runs."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

REFUSED = [
    "/formation/recherche/%00",
    "/communes/recherche?q=a%00b",
    "/franceconnect/connexion?next=/%00",
    "/of/dossiers/%00",
    "/of/formations/a%00b",
    "/gestion/dossiers/%00",
    "/gestion/?q=%01",
    "/?x%00=1",
]


@pytest.mark.parametrize("url", REFUSED)
def test_control_characters_in_path_or_query_are_refused(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "caractères de contrôle" in response.content.decode()


def test_api_paths_answer_json(client):
    response = client.get("/api/v1/formations?q=a%00b")
    assert response.status_code == 400
    assert response.json() == {"detail": "Requête invalide : caractères de contrôle interdits."}


def test_form_values_refuse_nul_but_keep_line_breaks(client):
    refused = client.post("/connexion", {"username": "a\x00b", "password": "x"})
    assert refused.status_code == 400
    assert "caractères de contrôle" in refused.content.decode()
    kept = client.post("/connexion", {"username": "a\tb\r\nc", "password": "x"})
    assert "caractères de contrôle" not in kept.content.decode()


def test_plain_requests_pass(client):
    assert client.get("/communes/recherche?q=Paris").status_code == 200
