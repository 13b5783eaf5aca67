"""The result cards of /recherche, as DSFR markup built with ``format_html`` (every value escaped).

Built in Python rather than in the template loop: twenty cards of a dozen variables each were most of
the page's rendering time (see docs/benchmarks.md, "Recherche"); the markup is the DSFR card's.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from dife.catalog import formatting
from dife.catalog.models import Contexte, Modalite
from dife.catalog.search import Hit

CARD = (
    '<li class="fr-col-12"><div class="fr-card fr-enlarge-link fr-card--horizontal fr-card--sm">'
    '<div class="fr-card__body"><div class="fr-card__content">'
    '<h3 class="fr-card__title"><a href="{url}">{intitule}</a></h3>'
    '<p class="fr-card__desc">par {organisme}<br>{details}</p>'
    '<div class="fr-card__start"><ul class="fr-badges-group">{badges}</ul>{theme}</div>'
    '<div class="fr-card__end"><p class="fr-card__detail fr-icon-calendar-line">{sessions}</p>'
    '<p class="fr-text--lg fr-text--bold fr-mb-0">{prix}</p></div>'
    "</div></div></div></li>"
)
BADGE = '<li><p class="fr-badge fr-badge--sm {}">{}</p></li>'


def _details(hit: Hit) -> str:
    parts = [formatting.heures(hit.duree_heures), str(Modalite(hit.modalite).label)]
    if hit.commune:
        place = hit.commune
        if hit.distance_km is not None:
            place += f" ({hit.distance_km:.1f} km)".replace(".", ",")
        parts.append(place)
    return " · ".join(parts)


def _sessions(hit: Hit) -> str:
    plural = "s" if hit.sessions > 1 else ""
    return (
        f"Prochaine session le {formatting.jour(hit.prochaine_session)} · "
        f"{hit.sessions} session{plural} disponible{plural}"
    )


def card(hit: Hit) -> SafeString:
    badges = [
        ("fr-badge--blue-ecume", "Formation liée au mandat")
        if hit.contexte == Contexte.MANDAT
        else ("fr-badge--purple-glycine", "Reconversion")
    ]
    if hit.modalite == Modalite.DISTANCE:
        badges.append(("fr-badge--info fr-badge--no-icon", "À distance"))
    return format_html(
        CARD,
        url=hit.url,
        intitule=hit.intitule,
        organisme=hit.organisme,
        details=_details(hit),
        badges=format_html_join("", BADGE, badges),
        theme=format_html('<p class="fr-card__detail">{}</p>', hit.theme) if hit.theme else "",
        sessions=_sessions(hit),
        prix=formatting.euros(hit.prix),
    )


def cards(hits: list[Hit]) -> SafeString:
    return SafeString("".join(card(hit) for hit in hits))
