"""The gestionnaire records an OF's agrément élus: what élus can find changes at once (real HTTP, real DB)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dife.audit.models import Event
from dife.catalog import services
from dife.catalog.models import ActionSearch, OrganismeProfile, Status
from dife.catalog.search import SearchParams, search
from dife.catalog.services.agrement import AUDIT_ACTION, set_agrement
from dife.catalog.services.errors import CatalogError, NotAllowed
from tests.catalog.factories import make_action, make_formation, make_organisme

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def url(profile) -> str:
    return f"/gestion/organismes/{profile.pk}/"


def form_data(debut, fin, *, qualiopi=True, motif="Arrêté ministériel reçu le jour même."):
    data = {
        "agrement_debut": debut.isoformat() if debut else "",
        "agrement_fin": fin.isoformat() if fin else "",
        "motif": motif,
    }
    if qualiopi:
        data["qualiopi"] = "on"
    return data


def listed_titles() -> list[str]:
    return [hit.intitule for hit in search(SearchParams(a_distance=True)).hits]


def test_setting_an_agrement_makes_the_pending_mandate_action_publishable(gestion_client):
    profile = make_organisme(agrement=(), nom="Formations sans agrément")
    formation = make_formation(profile, intitule="Le budget communal pas à pas")
    action = make_action(formation, modalite="distance", sessions=((30, 31),), publish=False)
    with pytest.raises(services.NotPublishable) as refused:
        services.publish_action(action=action)
    assert "n'a pas d'agrément pour la formation des élus" in " ".join(refused.value.reasons)

    response = gestion_client.post(
        url(profile), form_data(TODAY - timedelta(days=10), TODAY + timedelta(days=5 * 365))
    )

    assert response.status_code == 302 and response["Location"] == url(profile)
    page = gestion_client.get(url(profile)).content.decode()
    assert "Agrément enregistré." in page
    assert "Agréé" in page
    profile.refresh_from_db()
    assert (profile.agrement_debut, profile.agrement_fin) == (
        TODAY - timedelta(days=10),
        TODAY + timedelta(days=5 * 365),
    )
    services.publish_action(action=action)
    assert ActionSearch.objects.filter(action=action).exists()
    assert "Le budget communal pas à pas" in listed_titles()


def test_an_expired_agrement_unlists_the_published_action_and_a_renewal_lists_it_again(gestion_client):
    profile = make_organisme(nom="Organisme bientôt expiré")
    formation = make_formation(profile, intitule="Urbanisme pour les élus")
    action = make_action(formation, modalite="distance", sessions=((20, 20),))
    assert "Urbanisme pour les élus" in listed_titles()

    ended = gestion_client.post(
        url(profile), form_data(TODAY - timedelta(days=3 * 365), TODAY - timedelta(days=1))
    )

    assert ended.status_code == 302
    assert "Urbanisme pour les élus" not in listed_titles()
    action.refresh_from_db()
    assert action.status == Status.PUBLISHED  # kept: a renewal lists it again without the provider
    liste = gestion_client.get("/gestion/organismes/", {"q": "bientôt"}).content.decode()
    assert "Agrément expiré" in liste

    renewed = gestion_client.post(
        url(profile), form_data(TODAY - timedelta(days=1), TODAY + timedelta(days=365), motif="Renouvelé")
    )
    assert renewed.status_code == 302
    assert "Urbanisme pour les élus" in listed_titles()


def test_a_session_outside_a_shortened_agrement_is_no_longer_offered(gestion_client):
    profile = make_organisme()
    formation = make_formation(profile, intitule="Finances locales")
    make_action(formation, modalite="distance", sessions=((60, 61),))
    assert "Finances locales" in listed_titles()
    gestion_client.post(url(profile), form_data(TODAY - timedelta(days=30), TODAY + timedelta(days=60)))
    assert "Finances locales" not in listed_titles()  # the session ends on day 61, the agrément on day 60


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (form_data(TODAY, TODAY - timedelta(days=1)), "agrement_fin",
         "La fin de l’agrément doit être postérieure ou égale à son début."),
        (form_data(TODAY, None), "agrement_fin", "Indiquez la date de fin de l’agrément"),
        (form_data(None, TODAY), "agrement_debut", "Indiquez la date de début de l’agrément"),
        (form_data(TODAY, TODAY, motif=""), "motif", "Le motif est obligatoire."),
        (form_data(TODAY, TODAY, motif="   "), "motif", "Le motif est obligatoire."),
        ({**form_data(TODAY, TODAY), "agrement_fin": "31/02/2027"}, "agrement_fin", "Date invalide"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_in_french_and_keeps_what_was_typed(gestion_client, data, field, message):
    profile = make_organisme()
    before = (profile.agrement_debut, profile.agrement_fin, profile.qualiopi)

    response = gestion_client.post(url(profile), data)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Le formulaire contient des erreurs" in html
    assert message in html
    assert message in " ".join(response.context["form"].errors[field])
    for name in ("agrement_debut", "agrement_fin"):
        if data[name]:
            assert f'value="{data[name]}"' in html
    if data["motif"].strip():
        assert data["motif"] in html
    profile.refresh_from_db()
    assert (profile.agrement_debut, profile.agrement_fin, profile.qualiopi) == before
    assert not Event.objects.filter(action=AUDIT_ACTION).exists()


def test_a_change_is_audited_and_shown_in_the_history(gestion_client, gestionnaire):
    profile = make_organisme(agrement=())
    debut, fin = TODAY + timedelta(days=10), TODAY + timedelta(days=400)

    gestion_client.post(url(profile), form_data(debut, fin, qualiopi=False, motif="Arrêté du 3 mars"))

    event = Event.objects.get(action=AUDIT_ACTION)
    assert event.actor == gestionnaire
    assert (event.target_type, event.target_id) == ("catalog.organismeprofile", str(profile.pk))
    assert event.ip_address == "127.0.0.1"
    assert event.data == {
        "avant": {"agrement_debut": None, "agrement_fin": None, "qualiopi": True},
        "apres": {"agrement_debut": debut.isoformat(), "agrement_fin": fin.isoformat(), "qualiopi": False},
        "motif": "Arrêté du 3 mars",
    }
    page = gestion_client.get(url(profile)).content.decode()
    assert "Arrêté du 3 mars" in page
    assert f"du {debut:%d/%m/%Y} au {fin:%d/%m/%Y}" in page
    assert "Agrément à venir" in page


def test_withdrawing_the_agrement_and_an_unchanged_form(gestion_client):
    profile = make_organisme()
    same = form_data(profile.agrement_debut, profile.agrement_fin, qualiopi=True)
    unchanged = gestion_client.post(url(profile), same)
    assert unchanged.status_code == 400
    assert "Aucune modification" in unchanged.content.decode()

    withdrawn = gestion_client.post(url(profile), form_data(None, None, motif="Agrément retiré"))
    assert withdrawn.status_code == 302
    profile.refresh_from_db()
    assert profile.agrement_debut is None and profile.agrement_fin is None
    assert "Sans agrément" in gestion_client.get(url(profile)).content.decode()


def test_only_a_gestionnaire_may_record_an_agrement(of_admin, of_org):
    profile = services.save_organisme_profile(organisation=of_org)
    for actor in (of_admin, None):
        with pytest.raises(NotAllowed):
            set_agrement(
                organisation=of_org, agrement_debut=TODAY, agrement_fin=TODAY, qualiopi=False,
                reason="Je m'agrée moi-même", actor=actor,
            )  # fmt: skip
    profile.refresh_from_db()
    assert profile.agrement_debut is None
    assert not Event.objects.filter(action=AUDIT_ACTION).exists()


def test_a_collectivite_has_no_agrement(gestionnaire, collectivite_org):
    with pytest.raises(CatalogError, match="Seul un organisme de formation"):
        set_agrement(
            organisation=collectivite_org, agrement_debut=TODAY, agrement_fin=TODAY, qualiopi=False,
            reason="Erreur", actor=gestionnaire,
        )  # fmt: skip
    assert not OrganismeProfile.objects.filter(pk=collectivite_org.pk).exists()


def test_the_service_refuses_bad_input_by_itself(gestionnaire):
    profile = make_organisme()
    for debut, fin, reason, field in [
        (TODAY, TODAY - timedelta(days=1), "Motif", "agrement_fin"),
        (None, TODAY, "Motif", "agrement_debut"),
        (TODAY, TODAY, " ", "motif"),
    ]:
        with pytest.raises(CatalogError) as refused:
            set_agrement(
                organisation=profile.organisation, agrement_debut=debut, agrement_fin=fin, qualiopi=True,
                reason=reason, actor=gestionnaire,
            )  # fmt: skip
        assert refused.value.field == field
    assert not Event.objects.filter(action=AUDIT_ACTION).exists()


def test_an_of_cannot_grant_itself_the_agrement(of_admin, of_org):
    """Only the agency records the agrément: the OF's own profile service refuses those fields."""
    services.save_organisme_profile(organisation=of_org)
    with pytest.raises(NotAllowed):
        services.save_organisme_profile(
            organisation=of_org, by=of_admin, agrement_debut=TODAY, agrement_fin=TODAY, qualiopi=True
        )
    profile = OrganismeProfile.objects.get(organisation=of_org)
    assert profile.agrement_debut is None and profile.qualiopi is False
