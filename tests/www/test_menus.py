"""The menus of ``dife.www.context_processors``: built with ``reverse()``, they point at the same public
paths as the hard-coded menus they replace, and mark the current item the same way."""

from __future__ import annotations

import pytest

from dife.www.context_processors import menu

MENUS = {
    None: [("Recherche", "/recherche"), ("Droits", "/droits"), ("Dossiers", "/dossiers")],
    "organisme": [
        ("Mon organisme", "/of/"),
        ("Mon catalogue", "/of/catalogue/"),
        ("Dossiers à traiter", "/of/dossiers/"),
    ],
    "gestionnaire": [
        ("Tableau de bord", "/gestion/"),
        ("Personnes et droits", "/gestion/personnes/"),
        ("Organismes", "/gestion/organismes/"),
        ("Services faits", "/gestion/service-fait/"),
        ("Vérifications d’identité", "/gestion/verifications-identite/"),
        ("Rattachements", "/gestion/rattachements/"),
    ],
    "collectivite": [("Ma collectivité", "/collectivite/")],
}


@pytest.mark.parametrize("kind", list(MENUS))
def test_every_menu_points_at_the_public_paths(kind):
    assert [(item["label"], item["url"]) for item in menu(kind, "/")] == MENUS[kind]


def test_an_elu_kind_gets_the_main_menu():
    assert [item["url"] for item in menu("elu", "/")] == [url for _, url in MENUS[None]]


@pytest.mark.parametrize(
    ("kind", "path", "current"),
    [
        (None, "/dossiers", "/dossiers"),
        (None, "/dossiers/D-0001/confirmer", "/dossiers"),
        (None, "/droits/historique", "/droits"),
        (None, "/recherche-avancee", None),
        ("organisme", "/of/", "/of/"),
        ("organisme", "/of/dossiers/D-0001", "/of/dossiers/"),
        ("organisme", "/of/inviter", None),  # a space's home is current on itself only
        ("gestionnaire", "/gestion/personnes/12/", "/gestion/personnes/"),
        ("collectivite", "/collectivite/inviter", None),
    ],
)
def test_the_current_item(kind, path, current):
    marked = [item["url"] for item in menu(kind, path) if item["current"]]
    assert marked == ([current] if current else [])
