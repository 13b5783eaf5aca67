"""« Vos droits formation »: « Votre compte élu » with the cocarde and the mandates when the identity
matches the register, otherwise the offer of a rattachement request."""

from __future__ import annotations

from datetime import date

import pytest

from dife.accounts.models import User
from tests.accounts.fixtures import NIR_B, make_elu, make_person, make_staff, sign_in_staff
from tests.www.elus.test_wizard import text

pytestmark = pytest.mark.django_db

BORN = date(1971, 5, 8)


def test_anonymous_visitors_go_to_sign_in_and_come_back(client):
    response = client.get("/droits")
    assert response.status_code == 302 and response.url == "/connexion?next=/droits"


def test_staff_get_a_404(client):
    staff = make_staff(User.Kind.ORGANISME, "of@example.fr")
    sign_in_staff(client, staff)
    assert client.get("/droits").status_code == 404


def test_matching_identity_shows_the_compte_elu_with_its_mandates(client):
    make_person("MAQUETTE", "Élise Jeanne", BORN, collectivite="Chécy")
    user = make_elu(NIR_B, "Maquette", prenoms="elise", date_naissance=BORN)  # case and accents differ
    client.force_login(user)
    html = text(client.get("/droits"))
    assert "Vos droits formation" in html and "Votre compte élu" in html
    assert 'aria-label="Cocarde tricolore"' in html and "#000091" in html and "#e1000f" in html
    assert "Conseiller municipal" in html and "Chécy" in html and "15 mars 2026" in html
    assert "n’est pas rattaché" not in html
    assert "Vos droits salarié" in html and "0,00 €" in html


def test_no_match_offers_the_rattachement_request(client):
    make_person("MAQUETTE", "Élise", date(1971, 5, 9))  # another birth date
    user = make_elu(NIR_B, "Maquette", prenoms="Élise", date_naissance=BORN)
    client.force_login(user)
    html = text(client.get("/droits"))
    assert "Votre compte élu n’est pas rattaché à votre compte formation" in html
    assert 'href="/droits/rattachement"' in html and "Cocarde tricolore" not in html
    assert "Vos droits salarié" in html


def test_header_for_a_signed_in_elu(client):
    user = make_elu(NIR_B, "Maquette", prenoms="Élise", date_naissance=BORN)
    client.force_login(user)
    html = text(client.get("/"))
    assert "Mon espace" in html and "Se déconnecter" in html and "Élise Maquette" in html
    assert 'action="/deconnexion"' in html and ">Connexion</a>" not in html
    client.logout()
    html = text(client.get("/"))
    assert 'href="/connexion"' in html and 'href="/creation-de-compte"' in html and "Mon espace" not in html


def test_stats_json_counts_accounts(client):
    make_elu(NIR_B, "Maquette")
    make_staff(User.Kind.GESTIONNAIRE, "g@example.fr")
    stats = client.get("/stats.json").json()
    assert stats["comptes"] == 2 and stats["comptes_elus"] == 1
