import pytest
from django.db import connection
from django.test import RequestFactory

from dife.www.public.views.errors import server_error

pytestmark = pytest.mark.django_db


def test_home_page_has_dsfr_layout_and_three_steps(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="fr-header"' in html
    assert "République" in html and "française" in html
    assert "Mon Compte Élu — DIFE" in html
    assert 'class="fr-skiplinks"' in html
    assert 'id="pied-de-page"' in html and 'class="fr-footer"' in html
    for label in ("Recherche", "Droits", "Dossiers", "Aide", "Connexion", "Création de compte"):
        assert f">{label}</a>" in html
    for step in ("1. Créer mon compte", "2. Trouver la formation", "3. S’inscrire et suivre"):
        assert step in html
    assert 'href="/recherche"' in html and 'href="/creation-de-compte"' in html
    assert "dsfr.min.css" in html or "dsfr.main.min.css" in html


def test_security_headers_with_script_nonce(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_unknown_page_is_a_dsfr_404(client):
    response = client.get("/cette-page-n-existe-pas")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page non trouvée" in html and "Erreur 404" in html
    assert 'class="fr-header"' in html


def test_server_error_page_is_self_contained_dsfr():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Erreur inattendue" in html and "fr-header" in html and "dsfr.min.css" in html


def test_aide_page(client):
    response = client.get("/aide")
    assert response.status_code == 200
    assert "Qui a droit au DIFE" in response.content.decode()


def test_sante_ok(client):
    response = client.get("/sante")
    assert response.status_code == 200
    assert response.json() == {"database": "ok"}


def test_sante_503_when_database_does_not_answer(client):
    original = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"  # nothing listens there: a real refused connection
    try:
        response = client.get("/sante")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = original
    assert response.status_code == 503
    assert response.json() == {"database": "indisponible"}


def test_openapi_document_lists_public_tools(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/outils/date-limite" in response.json()["paths"]


def test_api_docs_use_our_static_files_not_a_cdn(client):
    # A CDN would be blocked by our CSP (script-src 'self'): the page would stay blank.
    html = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn.jsdelivr" not in html and "<script>" not in html
