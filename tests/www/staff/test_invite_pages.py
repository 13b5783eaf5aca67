"""Invitation pages of the gestionnaire and of administrators."""

from dife.organisations.models import Invitation, Organisation
from tests.organisations.fixtures import OF_SIRET, verify_session


def test_gestionnaire_dashboard_links_to_the_queues_and_invitations(client, gestionnaire):
    verify_session(client, gestionnaire)
    html = client.get("/gestion/").content.decode()
    assert '<a href="/gestion/verifications-identite/">Vérifications d’identité</a>' in html
    assert '<a href="/gestion/rattachements/">Demandes de rattachement</a>' in html
    assert "Inviter un organisme ou une collectivité" in html
    assert "Aucun organisme de formation ni aucune collectivité n’est encore inscrit." in html


def test_gestionnaire_invites_an_of_administrator(
    client, gestionnaire, mailoutbox, django_capture_on_commit_callbacks
):
    verify_session(client, gestionnaire)
    bad = client.post(
        "/gestion/inviter/organisme",
        {"nom": "Organisme fictif", "siret": "045 000 007 00019", "email": "a@b.test"},
    )
    html = bad.content.decode()
    assert "SIRET invalide" in html and 'value="Organisme fictif"' in html and 'value="a@b.test"' in html
    assert not Organisation.objects.filter(kind="organisme").exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/gestion/inviter/organisme",
            {"nom": "Organisme fictif", "siret": "045 000 007 00018", "email": "Admin@Organisme.test"},
            follow=True,
        )
    assert "Invitation envoyée à admin@organisme.test" in response.content.decode()
    org = Organisation.objects.get(siret=OF_SIRET)
    assert Invitation.objects.get().organisation == org
    assert mailoutbox[0].to == ["admin@organisme.test"] and "/pro/invitation/" in mailoutbox[0].body
    assert "Organisme fictif" in response.content.decode()  # listed on the dashboard


def test_unknown_collectivite_code_keeps_the_input(client, gestionnaire):
    verify_session(client, gestionnaire)
    response = client.post(
        "/gestion/inviter/collectivite",
        {"collectivite_type": "commune", "code": "99999", "email": "m@x.test"},
    )
    html = response.content.decode()
    assert "ne porte ce code dans le référentiel" in html and 'value="99999"' in html
    assert not Invitation.objects.exists()


def test_of_admin_invites_a_colleague_from_its_dashboard(client, of_admin, of_org):
    verify_session(client, of_admin)
    assert "Inviter un collègue" in client.get("/of/").content.decode()
    missing = client.post("/of/inviter", {"email": "", "role": ""})
    assert "Ce champ est obligatoire." in missing.content.decode()
    response = client.post(
        "/of/inviter", {"email": "collegue@organisme-a.test", "role": "agent"}, follow=True
    )
    assert "Invitation envoyée à collegue@organisme-a.test" in response.content.decode()
    invitation = Invitation.objects.get()
    assert (invitation.organisation, invitation.role, invitation.invited_by) == (of_org, "agent", of_admin)
    assert "collegue@organisme-a.test" in response.content.decode()  # pending invitations list


def test_empty_collectivite_dashboard_says_so(client, collectivite_agent):
    verify_session(client, collectivite_agent)
    html = client.get("/collectivite/").content.decode()
    assert "Aucune demande de cofinancement pour le moment" in html
    assert "Aucune invitation en attente." in html


def test_agency_administrator_invites_a_gestionnaire_and_an_agency_agent_cannot(
    client, gestionnaire, gestionnaire_agent, agency_org
):
    verify_session(client, gestionnaire)
    assert "/gestion/inviter/gestionnaire" in client.get("/gestion/").content.decode()
    response = client.post("/gestion/inviter/gestionnaire", {"email": "g3@agence.test", "role": "admin"})
    assert response["Location"] == "/gestion/"
    assert Invitation.objects.get().organisation == agency_org
    verify_session(client, gestionnaire_agent)
    assert "/gestion/inviter/gestionnaire" not in client.get("/gestion/").content.decode()
    assert client.get("/gestion/inviter/gestionnaire").status_code == 404
    # …but an agency agent still registers partners and invites their administrators.
    assert client.get("/gestion/inviter/organisme").status_code == 200
