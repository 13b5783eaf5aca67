"""Lists the élu and the OF choose from (kept as data, French labels as the national forms word them)."""

from __future__ import annotations

from django.db import models


class CategorieSocioprofessionnelle(models.TextChoices):
    """Groupes socioprofessionnels de la nomenclature PCS 2020 de l'Insee (niveau 1)."""

    AGRICULTEUR = "1", "Agriculteur exploitant"
    ARTISAN = "2", "Artisan, commerçant, chef d'entreprise"
    CADRE = "3", "Cadre, profession intellectuelle supérieure"
    INTERMEDIAIRE = "4", "Profession intermédiaire"
    EMPLOYE = "5", "Employé"
    OUVRIER = "6", "Ouvrier"
    RETRAITE = "7", "Retraité"
    SANS_ACTIVITE = "8", "Autre personne sans activité professionnelle"


class Objectif(models.TextChoices):
    SAVOIRS_DE_BASE = "savoirs_base", "Je souhaite acquérir des savoirs de base et des compétences clés"
    MANDAT = "mandat", "Je souhaite exercer mon mandat avec de nouvelles compétences"
    CERTIFICATION = "certification", "Je souhaite obtenir une certification ou un diplôme"
    RECONVERSION = "reconversion", "Je souhaite préparer ma reconversion professionnelle"
    ENTREPRISE = "entreprise", "Je souhaite créer ou reprendre une entreprise"


class MotifRefus(models.TextChoices):
    """Why an OF refuses a request (one is required)."""

    SESSION_COMPLETE = "session_complete", "Session complète"
    PREREQUIS = "prerequis", "Prérequis de la formation non remplis"
    SESSION_ANNULEE = "session_annulee", "Session annulée ou reportée par l'organisme"
    INADAPTEE = "inadaptee", "Formation non adaptée à l'objectif exprimé"
    DOSSIER_INCOMPLET = "dossier_incomplet", "Informations du dossier incomplètes ou incohérentes"
    AUTRE = "autre", "Autre motif (à préciser)"


class MotifAnnulationOrganisme(models.TextChoices):
    """Why an OF cancels a confirmed enrollment."""

    EFFECTIF_INSUFFISANT = "effectif", "Nombre de participants insuffisant"
    FORMATEUR = "formateur", "Formateur indisponible"
    FORCE_MAJEURE = "force_majeure", "Cas de force majeure"
    AUTRE = "autre", "Autre motif (à préciser)"
