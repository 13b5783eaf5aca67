from django.conf import settings


def service(request):
    """What every page needs to know about the service, without a database query."""
    return {
        "SITE_CONFIG": {
            "site_title": settings.SERVICE_NAME,
            "site_tagline": settings.SERVICE_TAGLINE,
            "header_brand_html": "République<br>française",
            "footer_brand_html": "République<br>française",
        },
        "SERVICE_NAME": settings.SERVICE_NAME,
    }


MAIN_NAV = [
    ("Recherche", "/recherche"),
    ("Droits", "/droits"),
    ("Dossiers", "/dossiers"),
]

# Staff spaces get their own menu: the élu menu means nothing to an OF or an agent.
STAFF_NAV = {
    "organisme": [
        ("Mon organisme", "/of/"),
        ("Mon catalogue", "/of/catalogue/"),
        ("Dossiers à traiter", "/of/dossiers/"),
    ],
    "gestionnaire": [
        ("Tableau de bord", "/gestion/"),
        ("Personnes et droits", "/gestion/personnes/"),
        ("Organismes", "/gestion/organismes/"),
        ("Services faits", "/gestion/service-fait/"),
        ("Vérifications d’identité", "/gestion/verifications-identite/"),
        ("Rattachements", "/gestion/rattachements/"),
    ],
    "collectivite": [("Ma collectivité", "/collectivite/")],
}
SPACE_ROOTS = {"/of/", "/gestion/", "/collectivite/"}


def _is_current(path: str, url: str) -> bool:
    if url in SPACE_ROOTS:
        return path == url
    return path == url or path.startswith(url.rstrip("/") + "/")


def navigation(request):
    user = getattr(request, "user", None)
    kind = getattr(user, "kind", None) if user is not None and user.is_authenticated else None
    items = STAFF_NAV.get(kind, MAIN_NAV)
    return {
        "main_nav": [
            {"label": label, "url": url, "current": _is_current(request.path, url)} for label, url in items
        ]
    }


def parameters(request):
    """``{{ params.of_answer }}`` → "2 jours ouvrés": today's dated parameters, read only when used."""
    from dife.core.parameter_text import PageParameters

    return {"params": PageParameters()}
