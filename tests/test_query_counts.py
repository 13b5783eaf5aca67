"""Query counts of the list pages: the same with 1 row as with 5 (an N+1 would add queries per row).

The counts are exact: a change that adds a query to one of these pages updates the number here, on
purpose. Each page is asked once before counting, so per-process caches (content types, places…)
do not count.
"""

from __future__ import annotations

from datetime import date
from itertools import count

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from dife.catalog import places as place_cache
from dife.enrollment.models import Dossier
from tests.accounts.fixtures import make_elu as make_unlinked_elu
from tests.accounts.fixtures import nir_with_key
from tests.catalog.factories import listed, make_communes, make_organisme
from tests.enrollment import factories as f

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
_n = count(1)


@pytest.fixture(autouse=True)
def _private_media_and_fresh_places(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    place_cache.clear_cache()
    yield
    place_cache.clear_cache()


@pytest.fixture
def assert_flat(client, django_assert_num_queries):
    """``add(n)`` adds n rows and returns what each shows on the page; the page's queries are
    ``expected`` with 1 row and with 5."""

    def check(url: str, add, expected: int, params: dict | None = None) -> None:
        shown = add(1)
        assert client.get(url, params).status_code == 200  # warms the caches
        count_with(url, params, expected, shown)
        shown += add(4)
        count_with(url, params, expected, shown)

    def count_with(url, params, expected, shown) -> None:
        with django_assert_num_queries(expected):
            response = client.get(url, params)
        assert response.status_code == 200
        body = response.content.decode()
        missing = [text for text in shown if text not in body]
        assert not missing, f"{url}: rows not shown: {missing}"

    return check


@pytest.fixture
def places(db):
    return f.make_places()


@pytest.fixture
def organisme(places):
    return f.make_of()


@pytest.fixture
def gestionnaire(db):
    return f.make_gestionnaire()


@pytest.fixture
def gestionnaire_client(client, gestionnaire):
    f.sign_in_staff(client, gestionnaire)
    return client


# The rows of a list are in different states, so a query made for one state's rows would show too.
STATES = ("submitted", "proposed", "accepted", "in_training", "service_declared")


def _dossiers(organisme, places, *, of_user, elu=None, states=STATES, gestionnaire=None):
    """``add(n)``: n new dossiers on future sessions, each from a new élu unless ``elu`` is given, the
    k-th one taken to ``states[k % len(states)]``."""
    action = f.future_action(organisme, places["Orléans"], offsets=range(40, 160, 10))
    sessions = iter(action.sessions.order_by("debut"))
    made = count()

    def add(n: int) -> list[Dossier]:
        dossiers = []
        for _ in range(n):
            owner = elu or f.make_elu()
            dossier = f.apply(owner, next(sessions), now=timezone.now())
            target = states[next(made) % len(states)]
            dossiers.append(f.walk(dossier, target, of_user=of_user, elu=owner, gestionnaire=gestionnaire))
        return dossiers

    return add


def _numeros(add_dossiers):
    return lambda n: [f"n°{d.numero}" for d in add_dossiers(n)]


def test_of_dossier_queue(client, assert_flat, organisme, places):
    """The dossiers to handle (a request to answer, a declaration due)."""
    of_user = f.make_of_user(organisme)
    f.sign_in_staff(client, of_user)
    add = _dossiers(organisme, places, of_user=of_user, states=("submitted", "accepted", "in_training"))
    assert_flat("/of/dossiers/", _numeros(add), expected=7)


def test_of_dossier_queue_all(client, assert_flat, organisme, places):
    of_user = f.make_of_user(organisme)
    f.sign_in_staff(client, of_user)
    add = _dossiers(organisme, places, of_user=of_user)
    assert_flat("/of/dossiers/", _numeros(add), expected=7, params={"filtre": "tous"})


def test_elu_vos_dossiers(client, assert_flat, organisme, places):
    elu = f.make_elu(balance="5000.00")
    f.sign_in_elu(client, elu)
    add = _dossiers(organisme, places, of_user=f.make_of_user(organisme), elu=elu)
    assert_flat("/dossiers", _numeros(add), expected=3)


def test_gestion_service_fait(gestionnaire_client, gestionnaire, assert_flat, organisme, places):
    """Both lists of the page, settlements to validate and the last validations, grow together."""
    dossiers = _dossiers(
        organisme,
        places,
        of_user=f.make_of_user(organisme),
        states=("service_declared", "service_validated"),
        gestionnaire=gestionnaire,
    )
    assert_flat("/gestion/service-fait/", _numeros(lambda n: dossiers(2 * n)), expected=5)


def test_gestion_organismes(gestionnaire_client, assert_flat):
    def add(n: int) -> list[str]:
        return [make_organisme(nom=f"Organisme n°{next(_n)} (fictif)").organisation.nom for _ in range(n)]

    assert_flat("/gestion/organismes/", add, expected=5)


def test_gestion_personnes_search(gestionnaire_client, assert_flat):
    def add(n: int) -> list[str]:
        persons = [f.person_of(f.make_elu(balance="0")) for _ in range(n)]
        return [f'href="/gestion/personnes/{p.pk}/"' for p in persons]

    assert_flat("/gestion/personnes/", add, expected=4, params={"q": "fictif camille"})


def _elus_sending(url: str, data, shows=lambda user, nom: nom):
    """``add(n)``: n new élus (no registry person linked) each posting ``data(nom)`` to ``url``; the
    list shows ``shows(user, nom)`` for each."""

    def add(n: int) -> list[str]:
        shown = []
        for _ in range(n):
            i = next(_n)
            nom = f"Maquette{i:03d}"
            user = make_unlinked_elu(nir_with_key(f"2710545234{i:03d}"), nom, email=f"elu{i}@exemple.test")
            client = Client()
            client.force_login(user)
            assert client.post(url, data(nom)).status_code == 302
            shown.append(shows(user, nom))
        return shown

    return add


def _document(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def test_gestion_identity_verifications(gestionnaire_client, assert_flat):
    add = _elus_sending(
        "/identite/verification",
        lambda nom: {"recto": _document("r.pdf"), "verso": _document("v.pdf")},
        shows=lambda user, nom: user.last_name,
    )
    assert_flat("/gestion/verifications-identite/", add, expected=5)


def test_gestion_rattachements(gestionnaire_client, assert_flat):
    def data(nom: str) -> dict:
        return {
            "nom_naissance": nom,
            "prenoms": "Élise",
            "date_naissance": date(1971, 5, 8).isoformat(),
            "lieu_naissance": "Orléans (Loiret)",
            "collectivite": "Commune de Chécy (Loiret)",
            "piece_identite": _document("cni.pdf"),
            "justificatif_mandat": _document("tableau.pdf"),
        }

    assert_flat("/gestion/rattachements/", _elus_sending("/droits/rattachement", data), expected=5)


@pytest.fixture
def catalog_add(db):
    """``add(n)``: n listed actions in Boën-sur-Lignon (postal code 42130)."""
    communes = make_communes()
    organisme = make_organisme()

    def add(n: int) -> list[str]:
        titles = [f"Le budget communal, module {next(_n)}" for _ in range(n)]
        for title in titles:
            listed(title, organisme, communes["boen"])
        return titles

    return add


SEARCH = {"q": "budget", "lieu": "42130", "rayon": "20"}


def test_search_page(assert_flat, catalog_add):
    assert_flat("/recherche", catalog_add, expected=4, params=SEARCH)


def test_api_formations(assert_flat, catalog_add):
    params = {"q": "budget", "commune": "42130", "rayon": "20"}
    assert_flat("/api/v1/formations", catalog_add, expected=4, params=params)
