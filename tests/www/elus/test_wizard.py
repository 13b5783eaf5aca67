"""The account-creation wizard through Django's test client: each step validated server-side,
"Étape précédente" and bad input lose nothing typed, the account is created at the end."""

from __future__ import annotations

import html as html_module
import re

import pytest
from django.utils import timezone

from dife.accounts import nir as nir_module
from dife.accounts.models import EluProfile, User
from dife.audit.models import Event
from tests.accounts.fixtures import NIR_A, NIR_B, PASSWORD, make_elu

pytestmark = pytest.mark.django_db

BASE = "/creation-de-compte/"
IDENTITE = {"nir": "1 84 12 75 123 456 40", "nom_naissance": "Lefèvre-Durand"}
CONTACT = {"telephone_mobile": "06.12.34.56.78", "telephone_fixe": ""}
EMAIL = "camille.lefevre@example.fr"


def text(response) -> str:
    """The page as the visitor reads it (entities decoded)."""
    return html_module.unescape(response.content.decode())


def post(client, slug, data, action="suivant"):
    return client.post(BASE + slug, {**data, "action": action})


def code_from(mailoutbox) -> str:
    return re.search(r"\b(\d{6})\b", mailoutbox[-1].body).group(1)


def address(place, postal_code="45000", **extra):
    return {
        "email": EMAIL,
        "numero_voie": "12",
        "indice_repetition": "B",
        "type_voie": "RUE",
        "nom_voie": "de Bourgogne",
        "complement_adresse": "Bâtiment A",
        "lieu_dit": "",
        "commune_recherche": "Orléans",
        "commune": f"{place.pk}:{postal_code}",
        **extra,
    }


def confirm_email(client, mailoutbox, data):
    response = post(client, "adresse", data, action="envoyer_code")
    assert response.status_code == 200
    assert "Un code à 6 chiffres vient d'être envoyé à camille.lefevre@example.fr" in text(response)
    response = post(client, "adresse", {**data, "code": code_from(mailoutbox)}, action="verifier_code")
    assert "Votre adresse email est confirmée." in text(response)
    return response


def through_step_3(client, mailoutbox, communes):
    assert post(client, "identite", IDENTITE).url == BASE + "contact"
    assert post(client, "contact", CONTACT).url == BASE + "adresse"
    data = address(communes["orleans"])
    confirm_email(client, mailoutbox, data)
    assert post(client, "adresse", data).url == BASE + "diplome"


def test_every_step_shows_the_stepper_and_its_labels(client, communes):
    html = text(client.get(BASE + "identite"))
    assert 'class="fr-stepper"' in html and "Étape 1 sur 5" in html and "Identité" in html
    assert "Numéro de sécurité sociale" in html and "Nom de naissance" in html
    assert "Étape suivante :</span> Contact" in html
    # The FranceConnect+ button comes first on the account-creation page.
    assert "elus/franceconnect" not in html  # the include is rendered, not printed


def test_the_whole_wizard_creates_the_account(client, communes, mailoutbox):
    through_step_3(client, mailoutbox, communes)
    html = text(client.get(BASE + "diplome"))
    assert "Étape 4 sur 5" in html and "Dernier diplôme obtenu" in html
    assert "merci de laisser cette rubrique à « Non renseigné »" in html
    assert post(client, "diplome", {"diplome": "6", "annee_obtention": "2008"}).url == BASE + "mot-de-passe"
    html = text(client.get(BASE + "mot-de-passe"))
    assert "Étape 5 sur 5" in html and "J'ai lu et j'accepte les conditions générales d'utilisation" in html
    assert "politique de protection des données" in html
    assert (
        "au minimum 12 caractères, dont une majuscule, une minuscule, un chiffre et un caractère spécial"
        in html
    )
    session_before = client.session.session_key
    response = post(client, "mot-de-passe", {"password": PASSWORD, "password_confirm": PASSWORD, "cgu": "on"})
    assert response.url == "/creation-de-compte/terminee"
    html = text(client.get(response.url))
    assert "Votre demande de création de compte est enregistrée" in html

    user = User.objects.get(kind=User.Kind.ELU)
    profile = user.elu_profile
    assert nir_module.decrypt(profile.nir_encrypted) == NIR_A
    assert profile.nir_hash == nir_module.keyed_hash(NIR_A)
    assert NIR_A not in profile.nir_encrypted
    assert profile.nom_naissance == "Lefèvre-Durand" and profile.nom_naissance_cle == "lefevredurand"
    assert profile.sexe == "M"
    assert profile.telephone_mobile == "+33612345678" and profile.telephone_fixe == ""
    assert user.email == EMAIL and profile.email_confirmed_at is not None
    assert (profile.numero_voie, profile.indice_repetition, profile.type_voie) == ("12", "B", "RUE")
    assert profile.commune == communes["orleans"] and profile.code_postal == "45000"
    assert (profile.diplome, profile.annee_obtention) == ("6", 2008)
    assert user.check_password(PASSWORD)
    # Not signed in (the page is the same when the NIR already had an account: review F1); a new
    # session key; the wizard state is gone from the session. The password signs in.
    assert client.session.session_key != session_before
    assert "_auth_user_id" not in client.session
    assert "creation_compte" not in client.session
    assert client.post("/connexion", {"nir": NIR_A, "password": PASSWORD}).url == "/droits"
    # Audited, without the NIR.
    event = Event.objects.get(action="accounts.elu_account.created")
    assert event.target_id == str(user.pk) and NIR_A not in str(event.data)
    # A second visit to the final page goes back to the start.
    assert client.get("/creation-de-compte/terminee").status_code == 302


def test_steps_cannot_be_skipped(client, communes):
    assert client.get(BASE + "adresse").url == BASE + "identite"
    post(client, "identite", IDENTITE)
    assert client.get(BASE + "diplome").url == BASE + "contact"
    assert client.get(BASE + "inconnue").status_code == 404
    assert client.get("/creation-de-compte").url == BASE + "contact"


def test_bad_input_on_step_1_keeps_what_was_typed(client, communes):
    response = post(client, "identite", {"nir": "1 84 12 75 123 456 41", "nom_naissance": "Lefèvre"})
    html = text(response)
    assert response.status_code == 200
    assert "la clé (les 2 derniers chiffres) ne correspond pas" in html
    assert 'value="1 84 12 75 123 456 41"' in html and 'value="Lefèvre"' in html
    response = post(client, "identite", {"nir": "", "nom_naissance": ""})
    html = text(response)
    assert (
        "Saisissez votre numéro de sécurité sociale." in html and "Saisissez votre nom de naissance." in html
    )


def test_bad_input_on_step_2_keeps_what_was_typed(client, communes):
    post(client, "identite", IDENTITE)
    response = post(client, "contact", {"telephone_mobile": "08 12 34 56 78", "telephone_fixe": "0612"})
    html = text(response)
    assert "commence par 06 ou 07 et comporte 10 chiffres" in html
    assert "commence par 01, 02, 03, 04, 05 ou 09" in html
    assert 'value="08 12 34 56 78"' in html and 'value="0612"' in html
    response = post(client, "contact", {"telephone_mobile": "", "telephone_fixe": ""})
    assert "Renseignez au moins un numéro de téléphone : mobile ou fixe." in text(response)
    # An overseas fixed line alone is enough.
    assert (
        post(client, "contact", {"telephone_mobile": "", "telephone_fixe": "02 62 12 34 56"}).status_code
        == 302
    )


def test_bad_input_on_step_3_keeps_what_was_typed(client, communes, mailoutbox):
    post(client, "identite", IDENTITE)
    post(client, "contact", CONTACT)
    data = address(communes["orleans"], email="pas-une-adresse", nom_voie="", lieu_dit="", commune="")
    html = text(post(client, "adresse", data))
    assert "Adresse email invalide" in html
    assert "Renseignez le nom de la voie ou, à défaut, le lieu dit." in html
    assert "Choisissez votre commune" in html
    assert 'value="pas-une-adresse"' in html and 'value="Bâtiment A"' in html and 'value="12"' in html
    # A valid address whose e-mail is not confirmed cannot go on.
    html = text(post(client, "adresse", address(communes["orleans"])))
    assert "Confirmez cette adresse" in html
    assert client.get(BASE + "diplome").url == BASE + "adresse"


def test_commune_search_without_javascript(client, communes):
    post(client, "identite", IDENTITE)
    post(client, "contact", CONTACT)
    data = address(communes["orleans"], commune="", commune_recherche="saint jean")
    html = text(post(client, "adresse", data, action="rechercher"))
    # Accent-, case- and hyphen-insensitive; the only result is pre-selected; the rest is kept.
    assert "Saint-Jean-de-Braye (45800)" in html
    assert f'value="{communes["saint-jean-de-braye"].pk}:45800"\n                 checked' in html
    assert 'value="de Bourgogne"' in html
    html = text(post(client, "adresse", {**data, "commune_recherche": "45"}, action="rechercher"))
    for label in ("Orléans (45000)", "Orléans (45100)", "Chécy (45430)"):
        assert label in html
    html = text(post(client, "adresse", {**data, "commune_recherche": "Zzzville"}, action="rechercher"))
    assert "Aucune commune ne correspond à « Zzzville »" in html


def test_commune_search_json_for_the_autocomplete(client, communes):
    response = client.get("/communes/recherche", {"q": "orleans"})
    assert response.status_code == 200
    labels = [r["label"] for r in response.json()["resultats"]]
    assert labels == ["Orléans (45000)", "Orléans (45100)"]
    assert client.get("/communes/recherche", {"q": "4"}).json() == {"resultats": []}


def test_bad_input_on_step_4_keeps_what_was_typed(client, communes, mailoutbox):
    through_step_3(client, mailoutbox, communes)
    next_year = str(timezone.localdate().year + 1)
    html = text(post(client, "diplome", {"diplome": "5", "annee_obtention": next_year}))
    assert "L'année d'obtention ne peut pas être dans le futur." in html and f'value="{next_year}"' in html
    html = text(post(client, "diplome", {"diplome": "5", "annee_obtention": "98"}))
    assert "L'année d'obtention comporte 4 chiffres" in html
    html = text(post(client, "diplome", {"diplome": "7", "annee_obtention": ""}))
    assert "Renseignez l'année d'obtention de ce diplôme" in html
    # "Non renseigné" needs no year.
    assert post(client, "diplome", {"diplome": "not_provided", "annee_obtention": ""}).status_code == 302


def test_bad_input_on_step_5(client, communes, mailoutbox):
    through_step_3(client, mailoutbox, communes)
    post(client, "diplome", {"diplome": "no_diploma", "annee_obtention": ""})
    html = text(post(client, "mot-de-passe", {"password": "court", "password_confirm": "autre"}))
    assert "au moins 12 caractères" in html and "au moins une lettre majuscule" in html
    assert "Vous devez accepter les conditions générales d'utilisation" in html
    html = text(
        post(
            client,
            "mot-de-passe",
            {"password": "N8zgt5p0shw=", "password_confirm": "N8zgt5p0shw=", "cgu": "on"},
        )
    )
    assert "Ce mot de passe est trop courant" in html
    assert "checked" in html  # the CGU box stays ticked
    html = text(
        post(client, "mot-de-passe", {"password": PASSWORD, "password_confirm": PASSWORD + "x", "cgu": "on"})
    )
    assert "Les deux mots de passe ne sont pas identiques." in html
    assert not User.objects.filter(kind=User.Kind.ELU).exists()


def test_going_back_keeps_every_step(client, communes, mailoutbox):
    through_step_3(client, mailoutbox, communes)
    post(client, "diplome", {"diplome": "4", "annee_obtention": "1999"})
    # Back from step 5 to 4, 3, 2, 1: everything typed is shown again (the NIR only masked).
    post(client, "mot-de-passe", {"password": "", "password_confirm": "", "cgu": "on"}, action="precedent")
    html = text(client.get(BASE + "diplome"))
    assert 'value="1999"' in html and '<option value="4" selected>' in html
    # Back from step 4 with a change not yet validated: the change is kept too.
    assert (
        post(client, "diplome", {"diplome": "5", "annee_obtention": "20"}, action="precedent").url
        == BASE + "adresse"
    )
    assert 'value="20"' in text(client.get(BASE + "diplome"))
    html = text(client.get(BASE + "adresse"))
    assert f'value="{EMAIL}"' in html and "Adresse confirmée" in html
    assert 'value="de Bourgogne"' in html and 'value="Bâtiment A"' in html and "Orléans (45000)" in html
    assert "checked" in html
    html = text(client.get(BASE + "contact"))
    assert 'value="06.12.34.56.78"' in html
    html = text(client.get(BASE + "identite"))
    assert 'value="Lefèvre-Durand"' in html
    assert "1 84 12 •• ••• ••• 40" in html and NIR_A not in html and "123 456" not in html
    # Step 1 again without retyping the NIR keeps it.
    assert post(client, "identite", {"nir": "", "nom_naissance": "Lefèvre-Durand"}).url == BASE + "contact"
    # Step 4 was left with an unfinished change: it must be validated again before step 5.
    assert client.get(BASE + "mot-de-passe").url == BASE + "diplome"
    assert post(client, "diplome", {"diplome": "4", "annee_obtention": "1999"}).url == BASE + "mot-de-passe"
    html = text(client.get(BASE + "mot-de-passe"))
    assert re.search(r'<input type="checkbox" name="cgu"[^>]*checked', html)  # the CGU box stays ticked


def test_back_from_step_3_keeps_unconfirmed_input(client, communes):
    post(client, "identite", IDENTITE)
    post(client, "contact", CONTACT)
    data = address(communes["orleans"], email="nouvelle@example.fr", nom_voie="du Bourdon Blanc")
    assert post(client, "adresse", data, action="precedent").url == BASE + "contact"
    html = text(client.get(BASE + "adresse"))
    assert 'value="nouvelle@example.fr"' in html and 'value="du Bourdon Blanc"' in html


def test_the_nir_never_appears_in_the_session_in_clear(client, communes):
    post(client, "identite", IDENTITE)
    from django.contrib.sessions.models import Session

    stored = Session.objects.get(session_key=client.session.session_key).session_data
    decoded = str(Session.objects.get(session_key=client.session.session_key).get_decoded())
    assert NIR_A not in stored and NIR_A not in decoded and "123456" not in decoded


def test_nir_registered_during_the_wizard_creates_nothing_and_tells_the_owner(client, communes, mailoutbox):
    through_step_3(client, mailoutbox, communes)
    post(client, "diplome", {"diplome": "not_provided"})
    owner = make_elu(NIR_A, "Martin", email="autre@example.fr")
    response = post(client, "mot-de-passe", {"password": PASSWORD, "password_confirm": PASSWORD, "cgu": "on"})
    assert response.url == "/creation-de-compte/terminee"
    assert "Votre demande de création de compte est enregistrée" in text(client.get(response.url))
    assert EluProfile.objects.count() == 1 and "_auth_user_id" not in client.session
    assert Event.objects.get(action="accounts.elu_account.duplicate_signup").target_id == str(owner.pk)


def test_signed_in_users_do_not_see_the_wizard(client, communes):
    user = make_elu(NIR_B, "Maquette")
    client.force_login(user)
    assert client.get(BASE + "identite").url == "/droits"
