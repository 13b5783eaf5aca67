"""Lists of values of the élu's profile (labels as the national service words them)."""

from django.db import models


class Diplome(models.TextChoices):
    """Last diploma: national levels 3 to 8 of the cadre national des certifications professionnelles."""

    NOT_PROVIDED = "not_provided", "Non renseigné"
    NO_DIPLOMA = "no_diploma", "Sans diplôme"
    NIVEAU_3 = "3", "CAP, BEP (niveau 3)"
    NIVEAU_4 = "4", "Baccalauréat (niveau 4)"
    NIVEAU_5 = "5", "BAC+2 : DEUG, BTS, DUT, DEUST (niveau 5)"
    NIVEAU_6 = "6", "BAC+3 ou 4 : licence, master 1, maîtrise (niveau 6)"
    NIVEAU_7 = "7", "BAC+5 : master, diplôme d'ingénieur (niveau 7)"
    NIVEAU_8 = "8", "BAC+8 : doctorat, habilitation à diriger des recherches (niveau 8)"


# A year of obtention makes sense only for an actual diploma.
DIPLOMES_SANS_ANNEE = {Diplome.NOT_PROVIDED, Diplome.NO_DIPLOMA}


class IndiceRepetition(models.TextChoices):
    BIS = "B", "bis"
    TER = "T", "ter"
    QUATER = "Q", "quater"
    QUINQUIES = "C", "quinquies"


class TypeVoie(models.TextChoices):
    ALLEE = "ALL", "Allée"
    AVENUE = "AV", "Avenue"
    BOULEVARD = "BD", "Boulevard"
    CHAUSSEE = "CHS", "Chaussée"
    CHEMIN = "CHE", "Chemin"
    CITE = "CITE", "Cité"
    CLOS = "CLOS", "Clos"
    COURS = "CRS", "Cours"
    DOMAINE = "DOM", "Domaine"
    ESPLANADE = "ESP", "Esplanade"
    FAUBOURG = "FG", "Faubourg"
    HAMEAU = "HAM", "Hameau"
    IMPASSE = "IMP", "Impasse"
    LOTISSEMENT = "LOT", "Lotissement"
    MONTEE = "MTE", "Montée"
    PASSAGE = "PAS", "Passage"
    PLACE = "PL", "Place"
    PROMENADE = "PROM", "Promenade"
    QUAI = "QUAI", "Quai"
    QUARTIER = "QUA", "Quartier"
    RESIDENCE = "RES", "Résidence"
    ROND_POINT = "RPT", "Rond-point"
    ROUTE = "RTE", "Route"
    RUE = "RUE", "Rue"
    RUELLE = "RLE", "Ruelle"
    SENTIER = "SEN", "Sentier"
    SQUARE = "SQ", "Square"
    TRAVERSE = "TRA", "Traverse"
    VILLA = "VLA", "Villa"
    VOIE = "VOIE", "Voie"


class Sexe(models.TextChoices):
    FEMININ = "F", "Féminin"
    MASCULIN = "M", "Masculin"
