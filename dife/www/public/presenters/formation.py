"""What the formation page shows, as display values (French amounts and dates); no rule lives here."""

from __future__ import annotations

from datetime import date

from dife.catalog.models import Action, Modalite, Rythme, Session
from dife.core.formatting import euros, heures, jour
from dife.enrollment.pricing import EluRights, price_block


def _rate(rate) -> str:
    percent = (rate * 100).normalize()
    return f"{percent:f}".replace(".", ",") + "\u00a0%"


def informations_cles(action: Action) -> list[dict]:
    formation = action.formation
    items = [{"icon": "fr-icon-time-line", "text": heures(action.duree_heures)}]
    if action.modalite == Modalite.DISTANCE:
        items.append({"icon": "fr-icon-computer-line", "text": "Formation à distance"})
    else:
        place = action.commune.nom if action.commune else ""
        if action.modalite == Modalite.MIXTE:
            place += " et à distance"
        items.append({"icon": "fr-icon-map-pin-2-line", "text": place})
    if action.acces_handicap:
        items.append(
            {"icon": "fr-icon-wheelchair-line", "text": "Bâtiment conforme aux normes d'accessibilité"}
        )
    if formation.is_mandat:
        items.append({"icon": "fr-icon-bookmark-line", "text": formation.theme_libelle})
    else:
        certification = " — ".join(
            p for p in (formation.certification_code, formation.certification_libelle) if p
        )
        items.append({"icon": "fr-icon-award-line", "text": f"Certification {certification}"})
    items.append({"icon": "fr-icon-calendar-line", "text": Rythme(action.rythme).label})
    return items


def sessions_summary(sessions: list[Session]) -> str:
    """ "3 sessions disponibles, du 21/03/2027 au 15/06/2027" (first start, last end)."""
    if not sessions:
        return "Aucune session disponible pour le moment"
    count = len(sessions)
    plural = "s" if count > 1 else ""
    first, last = min(s.debut for s in sessions), max(s.fin for s in sessions)
    return f"{count} session{plural} disponible{plural}, du {jour(first)} au {jour(last)}"


def page_context(*, action: Action, sessions: list[Session], rights: EluRights | None, today: date) -> dict:
    formation = action.formation
    block = price_block(action=action, rights=rights, on=today)
    prix = {
        "label": block.prix_label,
        "prix": euros(block.prix),
        "droits": None if block.droits is None else f"−\u00a0{euros(block.droits)}",
        "reste": None if block.reste_a_payer is None else euros(block.reste_a_payer),
        "integral": block.finance_integralement,
        "frais": euros(block.frais_additionnels) if block.frais_additionnels else None,
        "frais_detail": block.frais_additionnels_detail,
        "collectivite_taux": _rate(block.collectivite_rate) if block.collectivite_rate is not None else None,
        "collectivite_max": euros(block.collectivite_max) if block.collectivite_max is not None else None,
        "collectivite_part": euros(block.collectivite_part) if block.collectivite_part is not None else None,
        "non_rattache": rights is not None and not rights.attached,
    }
    contact = {
        "nom": action.contact_nom or formation.organisme.contact_nom,
        "email": action.contact_email or formation.organisme.contact_email,
        "telephone": action.contact_telephone or formation.organisme.contact_telephone,
    }
    return {
        "action": action,
        "formation": formation,
        "organisme": formation.organisme,
        "informations": informations_cles(action),
        "prix": prix,
        "sessions": [
            {
                "session": s,
                "debut": jour(s.debut),
                "fin": jour(s.fin),
                "garantie": s.garantie,
                "places": s.places,
            }
            for s in sessions
        ],
        "sessions_titre": sessions_summary(sessions),
        "contact": contact if any(contact.values()) else None,
        "modalite": Modalite(action.modalite).label,
    }
