"""Demo catalog: the generated catalog (scale 1, seed 42) when the catalog is empty, and a profile
with a few trainings for the staff demo's organisme de formation, so its administrator has a catalog.
Idempotent."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from devtools.demo.catalog_generator import generate
from dife.catalog import services
from dife.catalog.models import Formation, Modalite, OrganismeProfile
from dife.organisations.models import Organisation
from dife.referentiel.models import Commune
from dife.referentiel.selectors import commune_by_code

DEMO_OF_SIRET = "04500000700018"  # devtools.demo.organisations (fictional)
ORLEANS = "45234"
TRAININGS = [
    (
        "La gestion du domaine public et privé de la commune",
        "DOMAINE",
        Decimal("6"),
        Decimal("200.00"),
        Decimal("18.00"),
    ),
    ("Manager une collectivité", "MANAGEMENT", Decimal("14"), Decimal("550.00"), Decimal("0.00")),
    (
        "Le budget communal : l'essentiel pour les élus",
        "FIN",
        Decimal("7"),
        Decimal("350.00"),
        Decimal("0.00"),
    ),
]


def _demo_organisme() -> str:
    organisation = Organisation.objects.filter(kind=Organisation.Kind.ORGANISME, siret=DEMO_OF_SIRET).first()
    orleans = commune_by_code(ORLEANS)
    if organisation is None or orleans is None:
        return "catalogue de l'organisme de démonstration : organisme ou commune absents, ignoré"
    if OrganismeProfile.objects.filter(pk=organisation.pk).exists():
        return "catalogue de l'organisme de démonstration déjà présent"
    today = timezone.localdate()
    with transaction.atomic():
        profile = services.save_organisme_profile(
            organisation=organisation,
            nda="24450000145",
            adresse="14 quai du Fort Alleaume",
            code_postal="45000",
            commune=orleans,
            agrement_debut=today - timedelta(days=400),
            agrement_fin=today + timedelta(days=3 * 365),
            qualiopi=True,
            contact_nom="Service formation",
            contact_email="formation@ifel-loiret.example",
            contact_telephone="02 61 91 45 44",
        )
        for index, (title, theme, hours, price, fees) in enumerate(TRAININGS):
            formation = services.create_formation(
                organisme=profile,
                intitule=title,
                objectifs="Donner aux élus les repères juridiques et pratiques pour décider en conseil.",
                contenu="Le cadre légal. Le rôle du maire et du conseil. Études de cas. Questions-réponses.",
                points_forts="Tous les intervenants sont des intervenants qualifiés et choisis pour leur "
                "expertise et leur connaissance du monde territorial.",
                resultats_attendus="Être capable de préparer une délibération sur le sujet.",
                contexte="mandat",
                theme=theme,
            )
            services.publish_formation(formation=formation)
            action = services.create_action(
                formation=formation,
                modalite=Modalite.CENTRE,
                duree_heures=hours,
                prix_ttc=price,
                frais_additionnels=fees,
                frais_additionnels_detail="Frais de repas" if fees else "",
                adresse="Salle du conseil, 14 quai du Fort Alleaume",
                commune=orleans,
                acces_handicap=True,
            )
            start = today + timedelta(days=30 + 21 * index)
            services.create_session(action=action, debut=start, fin=start + timedelta(days=int(hours) // 8))
            services.publish_action(action=action)
    return "catalogue de l'organisme de démonstration créé (3 formations)"


def load() -> str:
    messages = []
    if Formation.objects.exists():
        messages.append("Catalogue : déjà présent")
    elif not Commune.objects.exists():
        messages.append("Catalogue : référentiel des communes absent, catalogue non généré")
    else:
        report = generate(seed=42, scale=1)
        messages.append(f"Catalogue généré : {report.render()}")
    messages.append(_demo_organisme())
    return " ; ".join(messages)


def accounts() -> list[str]:
    return []
