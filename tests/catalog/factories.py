"""Catalog test data built through the real services (no shortcut around the rules under test).

Communes have controlled coordinates: the distances of the radius tests are computed on the same
sphere as the search (mean radius 6 371 008.8 m).
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from devtools.demo.catalog_generator.identities import fictional_siret
from dife.catalog import places, services
from dife.organisations.models import Organisation
from dife.referentiel.models import CodePostal, Commune, Departement, Region

EARTH_KM_PER_DEGREE = 6371.0088 * math.pi / 180
CENTRE = (45.0, 4.0)


def north_of(lat: float, lon: float, km: float) -> tuple[float, float]:
    return lat + km / EARTH_KM_PER_DEGREE, lon


def make_communes() -> dict[str, Commune]:
    """A small territory: a centre, two communes 9.9 km and 10.1 km north of it, a postal code shared
    by three communes, Lyon 1er (postal code 69001) and Affoux (INSEE code 69001), Paris without
    town-hall coordinates but with an arrondissement that has some."""
    region = Region.objects.create(code="84", nom="Auvergne-Rhône-Alpes")
    loire = Departement.objects.create(code="42", nom="Loire", region=region)
    rhone = Departement.objects.create(code="69", nom="Rhône", region=region)
    idf = Region.objects.create(code="11", nom="Île-de-France")
    paris_dep = Departement.objects.create(code="75", nom="Paris", region=idf)

    def commune(code, nom, lat, lon, population, departement, postal, kind=Commune.Type.COMMUNE, parent=None):
        c = Commune.objects.create(
            code=code,
            nom=nom,
            latitude=lat,
            longitude=lon,
            population=population,
            departement=departement,
            type=kind,
            parent=parent,
        )
        CodePostal.objects.create(code=postal, commune=c)
        return c

    out = {}
    out["centre"] = commune("42999", "Villecentre", *CENTRE, 5000, loire, "42999")
    out["in_9_9"] = commune("42998", "Neuf-Virgule-Neuf", *north_of(*CENTRE, 9.9), 300, loire, "42998")
    out["out_10_1"] = commune("42997", "Dix-Virgule-Un", *north_of(*CENTRE, 10.1), 300, loire, "42997")
    out["boen"] = commune("42022", "Boën-sur-Lignon", 45.7433, 4.0050, 3200, loire, "42130")
    out["leigneux"] = commune("42117", "Leigneux", 45.7590, 3.9930, 800, loire, "42130")
    out["sail"] = commune("42194", "Sail-sous-Couzan", 45.7350, 3.9680, 900, loire, "42130")
    out["lyon"] = commune("69123", "Lyon", 45.7677, 4.8359, 520000, rhone, "69000")
    out["lyon1"] = commune(
        "69381", "Lyon 1er Arrondissement", 45.7694, 4.8292, 29000, None, "69001",
        kind=Commune.Type.ARRONDISSEMENT, parent=out["lyon"],
    )  # fmt: skip
    out["affoux"] = commune("69001", "Affoux", 45.8450, 4.4120, 380, rhone, "69170")
    out["paris"] = commune("75056", "Paris", None, None, 2100000, paris_dep, "75000")
    out["paris15"] = commune(
        "75115", "Paris 15e Arrondissement", 48.8412, 2.3003, 230000, None, "75015",
        kind=Commune.Type.ARRONDISSEMENT, parent=out["paris"],
    )  # fmt: skip
    places.clear_cache()
    return out


_siret_index = [900_000]


def make_organisme(*, agrement: tuple[date, date] | None = None, nom: str = "Organisme de test"):
    _siret_index[0] += 1
    organisation = Organisation.objects.create(
        kind=Organisation.Kind.ORGANISME, nom=nom, siret=fictional_siret(_siret_index[0])
    )
    today = timezone.localdate()
    agrement = (
        agrement if agrement is not None else (today - timedelta(days=365), today + timedelta(days=3 * 365))
    )
    return services.save_organisme_profile(
        organisation=organisation,
        agrement_debut=agrement[0] if agrement else None,
        agrement_fin=agrement[1] if agrement else None,
        qualiopi=True,
    )


def make_formation(organisme, *, intitule="Le budget communal", contexte="mandat", publish=True, **texts):
    values = {
        "objectifs": "Comprendre les étapes clés.",
        "contenu": "Le cadre légal et les étapes.",
        "points_forts": "Petits groupes.",
        "resultats_attendus": "Savoir décider en conseil.",
    } | texts
    if contexte == "mandat":
        values.setdefault("theme", "ORG")
    else:
        values.setdefault("certification_code", "RNCP99999")
        values.setdefault("certification_libelle", "Titre professionnel de test")
    formation = services.create_formation(organisme=organisme, intitule=intitule, contexte=contexte, **values)
    if publish:
        formation = services.publish_formation(formation=formation)
    return formation


def make_action(
    formation,
    *,
    commune=None,
    modalite="centre",
    heures="7",
    prix="350.00",
    tva="0",
    sessions=((30, 30),),
    publish=True,
):
    """An action with sessions given as (start, end) offsets in days from today."""
    action = services.create_action(
        formation=formation,
        modalite=modalite,
        duree_heures=Decimal(heures),
        prix_ttc=Decimal(prix),
        taux_tva=Decimal(tva),
        commune=commune if modalite != "distance" else None,
        adresse="Salle du conseil" if modalite != "distance" else "",
    )
    today = timezone.localdate()
    for start, end in sessions:
        services.create_session(
            action=action, debut=today + timedelta(days=start), fin=today + timedelta(days=end)
        )
    if publish:
        action = services.publish_action(action=action)
    return action


def listed(formation_title: str, organisme, commune, **action_kwargs):
    """Shortcut: one published formation with one published action."""
    formation = make_formation(organisme, intitule=formation_title, **action_kwargs.pop("formation", {}))
    return make_action(formation, commune=commune, **action_kwargs)
