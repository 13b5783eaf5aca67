"""Import files built in the tests (CSV rows as dicts, LHÉO documents as text)."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from django.utils import timezone

from dife.catalog.imports.rows import COLUMNS


def day(offset: int) -> date:
    return timezone.localdate() + timedelta(days=offset)


def row(siret: str, **values) -> dict:
    """A good row: a mandate training in Villecentre (INSEE 42999), 7 h at 350 €, in 40 days."""
    base = {
        "siret": siret,
        "reference_formation": "BUDGET",
        "intitule": "Le budget communal : l'essentiel pour les élus",
        "objectifs": "Comprendre les étapes du budget.",
        "contenu": "Le cadre légal. Le vote du budget.",
        "points_forts": "Intervenants anciens élus.",
        "resultats_attendus": "Lire un budget primitif.",
        "contexte": "mandat",
        "theme": "FIN",
        "reference_action": "BUDGET-VC",
        "modalite": "centre",
        "duree_heures": "7",
        "rythme": "En journée",
        "prix_ttc": "350,00",
        "frais_additionnels": "18,00",
        "detail_frais_additionnels": "Repas",
        "adresse": "Salle du conseil",
        "code_insee": "42999",
        "acces_handicape": "oui",
        "reference_session": "S1",
        "date_debut": day(40).strftime("%d/%m/%Y"),
        "date_fin": day(40).strftime("%d/%m/%Y"),
        "places": "20",
        "session_garantie": "oui",
    }
    return base | values


def csv_bytes(rows: list[dict], *, delimiter: str = ";", encoding: str = "utf-8", columns=None) -> bytes:
    columns = list(columns or COLUMNS)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([r.get(c, "") for c in columns])
    return out.getvalue().encode(encoding)


def lheo_session(numero: str, debut: date, fin: date, etat: str = "1", extras: str = "") -> str:
    return f"""
        <session numero="{numero}">
          <periode><debut>{debut:%Y%m%d}</debut><fin>{fin:%Y%m%d}</fin></periode>
          <adresse-inscription><adresse><ligne>1 place de la Mairie</ligne><codepostal>42999</codepostal>
            <ville>Villecentre</ville></adresse></adresse-inscription>
          <etat-recrutement>{etat}</etat-recrutement>{extras}
        </session>"""


def lheo_action(
    numero: str,
    sessions: str,
    *,
    prix: str | None = "350.00",
    heures: str = "7",
    modalite: str = "0",
    codepostal: str = "42999",
    ville: str = "Villecentre",
    insee: str = "42999",
) -> str:
    insee_xml = f"<code-INSEE-commune>{insee}</code-INSEE-commune>" if insee else ""
    prix_xml = f"<prix-total-TTC>{prix}</prix-total-TTC>" if prix is not None else ""
    return f"""
      <action numero="{numero}">
        <rythme-formation>En journée</rythme-formation>
        <code-public-vise>15061</code-public-vise>
        <niveau-entree-obligatoire>0</niveau-entree-obligatoire>
        <modalites-alternance>Aucune</modalites-alternance>
        <modalites-enseignement>{modalite}</modalites-enseignement>
        <conditions-specifiques>Être élu local.</conditions-specifiques>
        <prise-en-charge-frais-possible>1</prise-en-charge-frais-possible>
        <lieu-de-formation><coordonnees><adresse><ligne>Salle du conseil</ligne>
          <codepostal>{codepostal}</codepostal><ville>{ville}</ville>{insee_xml}</adresse></coordonnees>
        </lieu-de-formation>
        <modalites-entrees-sorties>0</modalites-entrees-sorties>{sessions}
        <acces-handicapes>Bâtiment accessible aux personnes à mobilité réduite</acces-handicapes>
        <frais-restants>18.00</frais-restants>
        {prix_xml}
        <nombre-heures-total>{heures}</nombre-heures-total>
        <extras info="dife"><extra info="detail-frais-additionnels">Repas</extra></extras>
      </action>"""


def lheo_formation(numero: str, siret: str, actions: str, *, intitule: str = "Manager une collectivité",
                   extras: str = '<extra info="theme">MANAGEMENT</extra>') -> str:  # fmt: skip
    return f"""
    <formation numero="{numero}">
      <domaine-formation><code-FORMACODE>32054</code-FORMACODE></domaine-formation>
      <intitule-formation>{intitule}</intitule-formation>
      <objectif-formation>Savoir animer une équipe municipale.</objectif-formation>
      <resultats-attendus>Conduire une réunion de conseil.</resultats-attendus>
      <contenu-formation>Le rôle du maire. Les agents. Études de cas.</contenu-formation>
      <certifiante>0</certifiante>
      <contact-formation><coordonnees><nom>Service formation</nom></coordonnees></contact-formation>
      <parcours-de-formation>1</parcours-de-formation>
      <code-niveau-entree>0</code-niveau-entree>{actions}
      <organisme-formation-responsable>
        <numero-activite>24450000145</numero-activite>
        <SIRET-organisme-formation><SIRET>{siret}</SIRET></SIRET-organisme-formation>
        <nom-organisme>Institut (fictif)</nom-organisme>
        <raison-sociale>Institut (fictif)</raison-sociale>
        <coordonnees-organisme><coordonnees><nom>Accueil</nom></coordonnees></coordonnees-organisme>
        <contact-organisme><coordonnees><nom>Accueil</nom></coordonnees></contact-organisme>
      </organisme-formation-responsable>
      <extras info="dife">{extras}</extras>
    </formation>"""


def lheo_document(formations: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<lheo xmlns="http://lheo.gouv.fr/2.3">\n'
        f"  <offres>{formations}\n  </offres>\n</lheo>\n"
    ).encode()
