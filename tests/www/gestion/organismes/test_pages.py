"""The list and detail pages: who reaches them, search, statuses, pagination, the dashboard tile."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dife.catalog import services
from dife.organisations.models import Organisation
from tests.catalog.factories import make_organisme
from tests.organisations.fixtures import verify_session

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_an_of_user_gets_a_404_on_both_pages(client, of_admin, of_org):
    services.save_organisme_profile(organisation=of_org)
    verify_session(client, of_admin)
    assert client.get("/gestion/organismes/").status_code == 404
    assert client.get(f"/gestion/organismes/{of_org.pk}/").status_code == 404
    response = client.post(
        f"/gestion/organismes/{of_org.pk}/",
        {"agrement_debut": "2026-01-01", "agrement_fin": "2030-01-01", "motif": "Je m'agrée"},
    )
    assert response.status_code == 404
    of_org.organisme_profile.refresh_from_db()
    assert of_org.organisme_profile.agrement_debut is None


def test_an_elu_gets_a_404_and_a_visitor_is_sent_to_sign_in(client, elu, of_org):
    anonymous = client.get(f"/gestion/organismes/{of_org.pk}/")
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/pro/connexion")
    client.force_login(elu)
    assert client.get("/gestion/organismes/").status_code == 404


def test_only_training_organisations_have_a_page(gestion_client, agency_org, collectivite_org):
    assert gestion_client.get(f"/gestion/organismes/{collectivite_org.pk}/").status_code == 404
    assert gestion_client.get(f"/gestion/organismes/{agency_org.pk}/").status_code == 404
    assert gestion_client.get("/gestion/organismes/999999/").status_code == 404


def test_an_of_without_a_catalog_profile_yet_can_be_given_its_agrement(gestion_client, of_org):
    page = gestion_client.get(f"/gestion/organismes/{of_org.pk}/").content.decode()
    assert "Sans agrément" in page
    response = gestion_client.post(
        f"/gestion/organismes/{of_org.pk}/",
        {"agrement_debut": "2026-01-01", "agrement_fin": "2030-12-31", "qualiopi": "on", "motif": "Arrêté"},
    )
    assert response.status_code == 302
    of_org.refresh_from_db()
    assert of_org.organisme_profile.agrement_fin.isoformat() == "2030-12-31"
    assert of_org.organisme_profile.qualiopi is True


def test_the_list_shows_dates_statuses_and_qualiopi(gestion_client, of_org):
    make_organisme(nom="Alpha Formation")
    make_organisme(nom="Bêta Formation", agrement=(TODAY - timedelta(days=900), TODAY - timedelta(days=2)))
    make_organisme(nom="Gamma Formation", agrement=())

    html = gestion_client.get("/gestion/organismes/").content.decode()

    assert html.index("Alpha Formation") < html.index("Bêta Formation") < html.index("Gamma Formation")
    assert "Organisme A (fictif)" in html  # inscrit, no catalog profile yet
    assert f"du {TODAY - timedelta(days=900):%d/%m/%Y} au {TODAY - timedelta(days=2):%d/%m/%Y}" in html
    for label in ("Agréé", "Agrément expiré", "Sans agrément"):
        assert label in html
    rows = {" ".join(row.split()) for row in html.split("<tr>")[2:]}
    alpha = next(row for row in rows if "Alpha Formation" in row)
    inscrit = next(row for row in rows if "Organisme A (fictif)" in row)
    assert "Agréé" in alpha and "<td> Oui </td>" in alpha
    assert "Sans agrément" in inscrit and "<td> Non </td>" in inscrit and "<td> — </td>" in inscrit


def test_search_by_name_without_accents_or_by_siret_with_spaces(gestion_client):
    beta = make_organisme(nom="Bêta Formation")
    make_organisme(nom="Alpha Formation")
    by_name = gestion_client.get("/gestion/organismes/", {"q": "beta"}).content.decode()
    assert "Bêta Formation" in by_name and "Alpha Formation" not in by_name
    siret = beta.organisation.siret
    spaced = f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
    by_siret = gestion_client.get("/gestion/organismes/", {"q": spaced}).content.decode()
    assert "Bêta Formation" in by_siret and "Alpha Formation" not in by_siret
    nothing = gestion_client.get("/gestion/organismes/", {"q": "zzz"}).content.decode()
    assert "Aucun organisme de formation ne correspond à « zzz »" in nothing


def test_the_list_is_paginated_and_keeps_the_search(gestion_client):
    Organisation.objects.bulk_create(
        Organisation(kind=Organisation.Kind.ORGANISME, nom=f"Formation {i:02d}", siret=f"{i:014d}")
        for i in range(1, 28)
    )
    first = gestion_client.get("/gestion/organismes/", {"q": "Formation"}).content.decode()
    assert "Formation 25" in first and "Formation 26" not in first
    assert "?q=Formation&amp;page=2" in first
    second = gestion_client.get("/gestion/organismes/", {"q": "Formation", "page": 2}).content.decode()
    assert "Formation 26" in second and "Formation 27" in second and "Formation 01" not in second


def test_the_dashboard_has_a_tile(gestion_client):
    html = gestion_client.get("/gestion/").content.decode()
    assert 'href="/gestion/organismes/"' in html
    assert "Organismes de formation et agréments" in html
