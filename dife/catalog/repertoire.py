"""Répertoire des formations liées à l'exercice du mandat des élus locaux, kept as data.

A mandate training ("formation liée à l'exercice du mandat") must belong to one theme of this
répertoire; the theme is stored on the formation as its ``code`` and shown with its ``libelle``.

Source: arrêté du 13 avril 2023 relatif au répertoire des formations liées à l'exercice du mandat des
élus locaux (Journal officiel du 27 avril 2023). The arrêté groups the trainings into domains, each with
themes and the competences expected at the end of the training.

CAUTION (``VERIFIED = False``): the text of the annex was not available offline when this file was
written. The three domains follow the arrêté's structure as described by secondary sources; the themes
below are a plausible reconstruction, worded like the catalogues of agreed providers (seed 002 shows the
theme "Organisation et fonctionnement des collectivités territoriales"). Check them against the
Journal officiel text and correct the labels — codes are internal and may stay.

Verification attempt (2026-11-26, stored public pages only, Légifrance not reachable): secondary sources
confirm the date of the arrêté, its publication in the JO of 27 April 2023 and its structure ("un inventaire
des différents domaines pédagogiques visés par la formation et des compétences attendues à l'issue de
celle-ci", itineraires-avocats.fr, 5 May 2023; edoccacem-pom.c3rb.org, "Élu local : répertoire des
formations liées à l'exercice du mandat"), but none quotes the annex: the domain and theme labels below
remain unverified.
"""

from __future__ import annotations

from dataclasses import dataclass

SOURCE = (
    "Arrêté du 13 avril 2023 relatif au répertoire des formations liées à l'exercice du mandat "
    "des élus locaux (JORF du 27 avril 2023)"
)
VERIFIED = False

FONDAMENTAUX = "Les fondamentaux de l'action publique locale"
COMPETENCES = "Les formations en lien avec les compétences des collectivités territoriales"
EFFICACITE = "Les formations favorisant l'efficacité personnelle de l'élu"


@dataclass(frozen=True, slots=True)
class Theme:
    code: str
    libelle: str
    domaine: str


THEMES: tuple[Theme, ...] = (
    Theme("ORG", "Organisation et fonctionnement des collectivités territoriales", FONDAMENTAUX),
    Theme("STATUT", "Statut de l'élu local, déontologie et prévention des conflits d'intérêts", FONDAMENTAUX),
    Theme("INSTIT", "Intercommunalité, institutions locales et relations avec l'État", FONDAMENTAUX),
    Theme("FIN", "Finances locales et budget", FONDAMENTAUX),
    Theme("COMMANDE", "Commande publique et marchés publics", FONDAMENTAUX),
    Theme("DROIT", "Actes administratifs, pouvoirs de police du maire et responsabilités", FONDAMENTAUX),
    Theme("RH", "Ressources humaines et fonction publique territoriale", FONDAMENTAUX),
    Theme("DOMAINE", "Gestion du domaine public et privé, patrimoine", FONDAMENTAUX),
    Theme("URBA", "Urbanisme, aménagement et foncier", COMPETENCES),
    Theme("ENV", "Transition écologique, environnement et énergie", COMPETENCES),
    Theme("SOCIAL", "Action sociale, santé et solidarités", COMPETENCES),
    Theme("EDUC", "Éducation, enfance et jeunesse", COMPETENCES),
    Theme("CULTURE", "Culture, sport et vie associative", COMPETENCES),
    Theme("ECO", "Développement économique, agriculture et tourisme", COMPETENCES),
    Theme("MOBILITE", "Mobilités, voirie et réseaux", COMPETENCES),
    Theme("SECURITE", "Sécurité, prévention et gestion des risques", COMPETENCES),
    Theme("NUMERIQUE", "Numérique, données et services publics en ligne", COMPETENCES),
    Theme("HABITAT", "Logement et habitat", COMPETENCES),
    Theme("PAROLE", "Prise de parole et expression en public", EFFICACITE),
    Theme("COMM", "Communication, relations avec la presse et réseaux sociaux", EFFICACITE),
    Theme("CONCERTATION", "Démocratie participative, concertation et médiation", EFFICACITE),
    Theme("MANAGEMENT", "Management, animation d'équipe et conduite de projets", EFFICACITE),
)

BY_CODE: dict[str, Theme] = {t.code: t for t in THEMES}
CHOICES: list[tuple[str, str]] = [(t.code, t.libelle) for t in THEMES]


def label(code: str) -> str:
    """The theme's label, or "" for an unknown or empty code."""
    theme = BY_CODE.get(code or "")
    return theme.libelle if theme else ""
