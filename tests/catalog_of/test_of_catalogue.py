"""OF space "Mon catalogue" through HTTP: create, edit, publish, close; French errors; only one's own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dife.catalog.models import Action, ActionSearch, Formation, OrganismeProfile, Session, Status
from tests.catalog.factories import make_action, make_formation
from tests.catalog_of.conftest import new_organisation
from tests.catalog_of.helpers import day
from tests.organisations.fixtures import make_staff, verify_session

pytestmark = pytest.mark.django_db

FORMATION = {
    "reference": "BUDGET",
    "intitule": "Le budget communal",
    "contexte": "mandat",
    "theme": "FIN",
    "objectifs": "Comprendre le budget.",
    "contenu": "Le cadre légal. Le vote.",
    "points_forts": "Petits groupes.",
    "resultats_attendus": "Lire un budget.",
}
ACTION = {
    "reference": "BUDGET-VC",
    "modalite": "centre",
    "duree_heures": "7",
    "rythme": "journee",
    "prix_ttc": "350,00",
    "taux_tva": "0",
    "frais_additionnels": "18",
    "frais_additionnels_detail": "Repas",
    "adresse": "Salle du conseil",
    "commune": "Villecentre (42999)",
    "acces_handicap": "on",
}


def text(response) -> str:
    return response.content.decode()


def test_access_rules(client, organisme, of_user):
    assert client.get("/of/catalogue/")["Location"].startswith("/pro/connexion?next=/of/catalogue/")
    client.force_login(of_user)  # password given, TOTP code not yet
    assert client.get("/of/catalogue/")["Location"].startswith("/pro/double-authentification")
    verify_session(client, of_user)
    assert client.get("/of/catalogue/").status_code == 200


def test_an_elu_gets_404(client, db):
    from tests.accounts.fixtures import make_elu

    client.force_login(make_elu())
    assert client.get("/of/catalogue/").status_code == 404


def test_open_the_catalogue(client, db):
    organisation = new_organisation(777_001)
    user = make_staff("admin@sans-catalogue.test", organisation, "admin")
    verify_session(client, user)
    assert "Ouvrir mon catalogue" in text(client.get("/of/catalogue/"))
    assert client.get("/of/catalogue/formations/nouvelle").status_code == 404
    response = client.post("/of/catalogue/ouvrir")
    assert response.status_code == 302
    assert OrganismeProfile.objects.filter(pk=organisation.pk).exists()
    assert "Ajouter une formation" in text(client.get("/of/catalogue/"))


def test_create_formation_action_session_then_publish(of_client, organisme, communes):
    bad = of_client.post("/of/catalogue/formations/nouvelle", FORMATION | {"theme": ""})
    assert bad.status_code == 200
    html = text(bad)
    assert "Choisissez le thème du répertoire des formations liées à l&#x27;exercice du mandat." in html
    assert 'value="Le budget communal"' in html  # nothing typed is lost

    response = of_client.post("/of/catalogue/formations/nouvelle", FORMATION)
    formation = Formation.objects.get(organisme=organisme)
    assert response["Location"] == f"/of/catalogue/formations/{formation.numero}"
    assert formation.numero == f"{organisme.siret}_BUDGET" and formation.status == Status.DRAFT

    base = f"/of/catalogue/formations/{formation.numero}"
    bad = of_client.post(
        f"{base}/actions/nouvelle", ACTION | {"prix_ttc": "-3", "commune": "Nullepart (99999)"}
    )
    html = text(bad)
    assert "Commune inconnue : aucun code postal « Nullepart » (99999)." in html
    assert 'value="-3"' in html
    bad = of_client.post(f"{base}/actions/nouvelle", ACTION | {"prix_ttc": "-3"})
    assert "Le prix ne peut pas être négatif." in text(bad)
    bad = of_client.post(f"{base}/actions/nouvelle", ACTION | {"prix_ttc": "trois cents"})
    assert "Indiquez un nombre, par exemple 350,00 (€)." in text(bad)

    response = of_client.post(f"{base}/actions/nouvelle", ACTION)
    action = Action.objects.get(formation=formation)
    assert response["Location"] == f"/of/catalogue/actions/{action.numero}"
    assert (
        action.commune == communes["centre"]
        and action.prix_ttc == Decimal("350.00")
        and action.acces_handicap
    )

    page = text(of_client.get(f"/of/catalogue/actions/{action.numero}"))
    assert "Cette action ne peut pas être publiée pour les élus" in page
    assert "La formation n&#x27;est pas publiée : publiez d&#x27;abord la formation." in page
    assert "Ajoutez au moins une session à venir." in page

    response = of_client.post(f"/of/catalogue/actions/{action.numero}/publier", follow=True)
    assert "Publication impossible : La formation n&#x27;est pas publiée" in text(response)
    assert Action.objects.get().status == Status.DRAFT

    bad = of_client.post(
        f"/of/catalogue/actions/{action.numero}/sessions/nouvelle",
        {"debut": day(30).isoformat(), "fin": day(29).isoformat()},
    )
    assert "La date de fin ne peut pas précéder la date de début." in text(bad)
    of_client.post(
        f"/of/catalogue/actions/{action.numero}/sessions/nouvelle",
        {"debut": day(30).isoformat(), "fin": day(30).isoformat(), "places": "12", "garantie": "on"},
    )
    assert list(Session.objects.values_list("places", "garantie")) == [(12, True)]

    of_client.post(f"{base}/publier")
    response = of_client.post(f"/of/catalogue/actions/{action.numero}/publier", follow=True)
    assert "Action publiée : elle est proposée aux élus dans la recherche." in text(response)
    assert Action.objects.get().status == Status.PUBLISHED
    assert ActionSearch.objects.filter(action=action).exists()
    home = text(of_client.get("/of/catalogue/"))
    assert "Le budget communal" in home and "1 formation, 1 action dont 1 publiée." in home


def test_ineligible_action_saved_as_draft_with_the_reasons(of_client, organisme, communes):
    formation = make_formation(organisme)
    action = make_action(formation, commune=communes["centre"], heures="7", prix="700", publish=False)
    page = text(of_client.get(f"/of/catalogue/actions/{action.numero}"))
    assert "Cette action ne peut pas être publiée pour les élus" in page
    assert "Le coût horaire de 100,00\u00a0€ HT dépasse le plafond de 80,00\u00a0€ HT par heure" in page
    response = of_client.post(f"/of/catalogue/actions/{action.numero}/publier", follow=True)
    assert "Publication impossible" in text(response) and "dépasse le plafond" in text(response)
    assert Action.objects.get(pk=action.pk).status == Status.DRAFT


def test_edit_close_and_reopen(of_client, organisme, communes):
    formation = make_formation(organisme)
    action = make_action(formation, commune=communes["centre"])
    session = action.sessions.get()
    values = ACTION | {"prix_ttc": "420", "commune": "42999"}
    values.pop("reference")
    response = of_client.post(f"/of/catalogue/actions/{action.numero}", values)
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.prix_ttc == Decimal("420.00") and action.numero.endswith(action.reference)
    edit = text(of_client.get(f"/of/catalogue/actions/{action.numero}"))
    assert 'value="Villecentre (42999)"' in edit and 'value="420,00"' in edit

    of_client.post(
        f"/of/catalogue/sessions/{session.pk}", {"debut": day(31).isoformat(), "fin": day(32).isoformat()}
    )
    session.refresh_from_db()
    assert (session.debut, session.fin) == (day(31), day(32))
    of_client.post(f"/of/catalogue/sessions/{session.pk}/fermer")
    assert Session.objects.get(pk=session.pk).status == Session.Status.CLOSED
    of_client.post(f"/of/catalogue/sessions/{session.pk}/rouvrir")
    assert Session.objects.get(pk=session.pk).status == Session.Status.OPEN
    of_client.post(f"/of/catalogue/actions/{action.numero}/fermer")
    of_client.post(f"/of/catalogue/formations/{formation.numero}/fermer")
    assert Action.objects.get(pk=action.pk).status == Status.CLOSED
    assert Formation.objects.get(pk=formation.pk).status == Status.CLOSED
    assert not ActionSearch.objects.exists()


def test_another_providers_catalogue_answers_404(client, organisme, other_of_user, communes):
    formation = make_formation(organisme)
    action = make_action(formation, commune=communes["centre"])
    session = action.sessions.get()
    verify_session(client, other_of_user)
    urls = [
        f"/of/catalogue/formations/{formation.numero}",
        f"/of/catalogue/formations/{formation.numero}/actions/nouvelle",
        f"/of/catalogue/actions/{action.numero}",
        f"/of/catalogue/actions/{action.numero}/sessions/nouvelle",
        f"/of/catalogue/sessions/{session.pk}",
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, FORMATION | ACTION).status_code == 404, url
    for url in [
        f"/of/catalogue/formations/{formation.numero}/publier",
        f"/of/catalogue/formations/{formation.numero}/fermer",
        f"/of/catalogue/actions/{action.numero}/publier",
        f"/of/catalogue/actions/{action.numero}/fermer",
        f"/of/catalogue/sessions/{session.pk}/fermer",
    ]:
        assert client.post(url).status_code == 404, url
    assert Formation.objects.get(pk=formation.pk).status == Status.PUBLISHED
    assert Action.objects.get(pk=action.pk).status == Status.PUBLISHED
    assert formation.intitule not in text(client.get("/of/catalogue/"))


def test_owner_previews_a_draft_on_the_public_page(of_client, client, organisme, communes):
    formation = make_formation(organisme)
    action = make_action(formation, commune=communes["centre"], prix="700", publish=False)
    url = f"/formation/recherche/{action.numero}/{formation.numero}"
    html = text(of_client.get(url))
    assert "Aperçu de votre fiche : cette action est en brouillon" in html
    assert "dépasse le plafond" in html


def test_the_catalog_filter_keeps_its_french_values(of_client, organisme):
    """``?statut=publiee`` is the public spelling of ``Status.PUBLISHED`` (decision 0009)."""
    from dife.www.of.views.catalogue import STATUT_PARAM

    assert STATUT_PARAM == {"brouillon": "draft", "publiee": "published", "fermee": "closed"}
    make_formation(organisme, intitule="Formation publiée")
    make_formation(organisme, intitule="Formation en brouillon", publish=False)
    published = text(of_client.get("/of/catalogue/?statut=publiee"))
    assert 'value="publiee" selected' in published
    assert "Formation publiée" in published and "Formation en brouillon" not in published
    drafts = text(of_client.get("/of/catalogue/?statut=brouillon"))
    assert "Formation en brouillon" in drafts and "Formation publiée" not in drafts
