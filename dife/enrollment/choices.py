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
    BASIC_SKILLS = "basic_skills", "Je souhaite acquérir des savoirs de base et des compétences clés"
    MANDATE = "mandate", "Je souhaite exercer mon mandat avec de nouvelles compétences"
    CERTIFICATION = "certification", "Je souhaite obtenir une certification ou un diplôme"
    CAREER_CHANGE = "career_change", "Je souhaite préparer ma reconversion professionnelle"
    BUSINESS = "business", "Je souhaite créer ou reprendre une entreprise"


class MotifRefus(models.TextChoices):
    """Why an OF refuses a request (one is required)."""

    SESSION_FULL = "session_full", "Session complète"
    PREREQUISITES = "prerequisites", "Prérequis de la formation non remplis"
    SESSION_CANCELLED = "session_cancelled", "Session annulée ou reportée par l'organisme"
    UNSUITABLE = "unsuitable", "Formation non adaptée à l'objectif exprimé"
    INCOMPLETE_DOSSIER = "incomplete_dossier", "Informations du dossier incomplètes ou incohérentes"
    OTHER = "other", "Autre motif (à préciser)"


class MotifAnnulationOrganisme(models.TextChoices):
    """Why an OF cancels a confirmed enrollment."""

    TOO_FEW_PARTICIPANTS = "too_few_participants", "Nombre de participants insuffisant"
    TRAINER_UNAVAILABLE = "trainer_unavailable", "Formateur indisponible"
    FORCE_MAJEURE = "force_majeure", "Cas de force majeure"
    OTHER = "other", "Autre motif (à préciser)"
