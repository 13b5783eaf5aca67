"""The profile page: see and change contact, address, diploma, e-mail and password (the last two
after re-authentication by the current password)."""

from __future__ import annotations

import re

import pytest

from dife.accounts.models import User
from dife.audit.models import Event
from tests.accounts.fixtures import NIR_A, PASSWORD, address_in, make_elu, make_staff, sign_in_staff
from tests.www.elus.test_wizard import text

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Nouveau-Motdepasse-2027"


@pytest.fixture
def elu(communes):
    return make_elu(
        NIR_A, "Lefèvre", email="camille@example.fr", address=address_in(communes["orleans"], "45000")
    )


@pytest.fixture
def signed_in(client, elu):
    client.post("/connexion", {"nir": NIR_A, "password": PASSWORD})
    return client


def test_only_elus_see_a_profile(client, elu):
    assert client.get("/profil").url == "/connexion?next=/profil"
    staff = make_staff(User.Kind.COLLECTIVITE, "agent@mairie.test")
    sign_in_staff(client, staff)
    assert client.get("/profil").status_code == 404


def test_profile_shows_everything_and_the_nir_only_masked(signed_in):
    html = text(signed_in.get("/profil"))
    assert "Lefèvre" in html and "06 12 34 56 78" in html and "camille@example.fr" in html
    assert "3 Rue des Carmes" in html and "45000 Orléans" in html and "Non renseigné" in html
    assert "1 84 12 •• ••• ••• 40" in html and NIR_A not in html and "75 123 456" not in html


def test_change_contact(signed_in, elu):
    html = text(signed_in.get("/profil/contact"))
    assert 'value="06 12 34 56 78"' in html
    html = text(signed_in.post("/profil/contact", {"telephone_mobile": "0812", "telephone_fixe": ""}))
    assert "commence par 06 ou 07" in html and 'value="0812"' in html
    response = signed_in.post(
        "/profil/contact", {"telephone_mobile": "", "telephone_fixe": "+33 2 38 12 34 56"}
    )
    assert response.url == "/profil"
    elu.elu_profile.refresh_from_db()
    assert (elu.elu_profile.telephone_mobile, elu.elu_profile.telephone_fixe) == ("", "+33238123456")
    assert "Vos numéros de téléphone ont été enregistrés." in text(signed_in.get("/profil"))


def test_change_address_with_the_commune_search(signed_in, elu, communes):
    checy = communes["checy"]
    data = {
        "numero_voie": "7",
        "indice_repetition": "T",
        "type_voie": "AV",
        "nom_voie": "de la Gare",
        "complement_adresse": "",
        "lieu_dit": "",
        "commune_recherche": "45430",
        "commune": "",
    }
    html = text(signed_in.post("/profil/adresse", {**data, "action": "rechercher"}))
    assert "Chécy (45430)" in html and 'value="de la Gare"' in html
    html = text(signed_in.post("/profil/adresse", {**data, "nom_voie": "", "action": "enregistrer"}))
    assert "Renseignez le nom de la voie" in html and "Choisissez votre commune" in html
    response = signed_in.post(
        "/profil/adresse", {**data, "commune": f"{checy.pk}:45430", "action": "enregistrer"}
    )
    assert response.url == "/profil"
    profile = elu.elu_profile
    profile.refresh_from_db()
    assert (profile.commune, profile.code_postal, profile.numero_voie, profile.indice_repetition) == (
        checy,
        "45430",
        "7",
        "T",
    )
    assert "7 ter Avenue de la Gare" in text(signed_in.get("/profil"))


def test_change_diploma(signed_in, elu):
    html = text(signed_in.post("/profil/diplome", {"diplome": "7", "annee_obtention": "3000"}))
    assert "ne peut pas être dans le futur" in html
    assert signed_in.post("/profil/diplome", {"diplome": "7", "annee_obtention": "2004"}).url == "/profil"
    elu.elu_profile.refresh_from_db()
    assert (elu.elu_profile.diplome, elu.elu_profile.annee_obtention) == ("7", 2004)


def test_change_password_needs_the_current_one(signed_in, elu, mailoutbox):
    data = {
        "current_password": "Pas-Le-Bon-Motdepasse-1",
        "password": NEW_PASSWORD,
        "password_confirm": NEW_PASSWORD,
    }
    html = text(signed_in.post("/profil/mot-de-passe", data))
    assert "Mot de passe actuel incorrect." in html
    elu.refresh_from_db()
    assert elu.check_password(PASSWORD)
    assert Event.objects.filter(action="accounts.password.change_refused").exists()
    html = text(
        signed_in.post("/profil/mot-de-passe", {**data, "current_password": PASSWORD, "password": "faible"})
    )
    assert "au moins 12 caractères" in html
    response = signed_in.post("/profil/mot-de-passe", {**data, "current_password": PASSWORD})
    assert response.url == "/profil"
    elu.refresh_from_db()
    assert elu.check_password(NEW_PASSWORD)
    assert signed_in.get("/profil").status_code == 200  # still signed in
    assert mailoutbox[-1].to == ["camille@example.fr"] and "vient d'être modifié" in mailoutbox[-1].body


def test_repeated_wrong_current_passwords_lock_like_sign_in(signed_in):
    data = {"current_password": "Faux-1!", "password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD}
    for _ in range(5):
        signed_in.post("/profil/mot-de-passe", data)
    assert signed_in.post("/profil/mot-de-passe", {**data, "current_password": PASSWORD}).status_code == 429


def test_change_email_after_reauthentication_and_a_code(signed_in, elu, mailoutbox):
    html = text(
        signed_in.post(
            "/profil/email",
            {"action": "envoyer", "email": "neuve@example.fr", "current_password": "Faux-Motdepasse-1"},
        )
    )
    assert "Mot de passe actuel incorrect." in html and mailoutbox == []
    assert 'value="neuve@example.fr"' in html
    response = signed_in.post(
        "/profil/email", {"action": "envoyer", "email": "neuve@example.fr", "current_password": PASSWORD}
    )
    assert response.url == "/profil/email"
    assert mailoutbox[-1].to == ["neuve@example.fr"]
    code = re.search(r"\b(\d{6})\b", mailoutbox[-1].body).group(1)
    html = text(signed_in.get("/profil/email"))
    assert "Un code à 6 chiffres a été envoyé à neuve@example.fr" in html
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    html = text(signed_in.post("/profil/email", {"action": "verifier", "code": wrong}))
    assert "Code incorrect. Il vous reste 4 essais." in html
    elu.refresh_from_db()
    assert elu.email == "camille@example.fr"
    response = signed_in.post("/profil/email", {"action": "verifier", "code": code})
    assert response.url == "/profil"
    elu.refresh_from_db()
    assert elu.email == "neuve@example.fr"
    assert Event.objects.filter(action="accounts.email.changed", actor=elu).exists()
