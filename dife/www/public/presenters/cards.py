"""The result cards of /recherche, as DSFR markup built in Python (every value HTML-escaped).

Built here rather than in a template loop: twenty cards of a dozen variables each were most of the
page's rendering time (docs/benchmarks.md, "Recherche"). Values go through ``html.escape`` (what
Django's ``escape`` does, without its lazy-string wrapper) before they enter the markup.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString

from dife.catalog.models import Contexte, Modalite
from dife.catalog.search import Hit
from dife.core import formatting

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


def card(hit: Hit) -> str:
    if hit.contexte == Contexte.MANDAT:
        badges = BADGE.format("fr-badge--blue-ecume", "Formation liée au mandat")
    else:
        badges = BADGE.format("fr-badge--purple-glycine", "Reconversion")
    if hit.modalite == Modalite.DISTANCE:
        badges += BADGE.format("fr-badge--info fr-badge--no-icon", "À distance")
    theme = f'<p class="fr-card__detail">{escape(hit.theme)}</p>' if hit.theme else ""
    return CARD.format(
        url=escape(hit.url),
        intitule=escape(hit.intitule),
        organisme=escape(hit.organisme),
        details=escape(_details(hit)),
        badges=badges,
        theme=theme,
        sessions=escape(_sessions(hit)),
        prix=escape(formatting.euros(hit.prix)),
    )


def cards(hits: list[Hit]) -> SafeString:
    return SafeString("".join(card(hit) for hit in hits))
