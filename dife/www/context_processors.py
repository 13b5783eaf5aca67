"""What every page of the site gets in its context: the service's name, the menu of the user's space,
today's dated parameters."""

from django.conf import settings
from django.urls import reverse


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


# The menus, as URL names: the élu's (and the visitor's), then one per staff space (the élu menu means
# nothing to an OF or an agent).
MAIN_NAV = [
    ("Recherche", "public:recherche"),
    ("Droits", "elus:droits"),
    ("Dossiers", "elus:dossiers:liste"),
]
STAFF_NAV = {
    "organisme": [
        ("Mon organisme", "of:accueil"),
        ("Mon catalogue", "of:catalogue:accueil"),
        ("Dossiers à traiter", "of:dossiers"),
    ],
    "gestionnaire": [
        ("Tableau de bord", "gestion:accueil"),
        ("Personnes et droits", "gestion:personnes"),
        ("Organismes", "gestion:organismes"),
        ("Services faits", "gestion:service_fait"),
        ("Vérifications d’identité", "gestion:verifications_identite"),
        ("Rattachements", "gestion:rattachements"),
    ],
    "collectivite": [("Ma collectivité", "collectivite:accueil")],
}
# A space's home page is current on itself only (not on every page under it).
SPACE_ROOTS = {"of:accueil", "gestion:accueil", "collectivite:accueil"}


def _is_current(path: str, url: str, *, root: bool) -> bool:
    if root:
        return path == url
    return path == url or path.startswith(url.rstrip("/") + "/")


def menu(kind: str | None, path: str) -> list[dict]:
    """The menu of a user kind (``None``: visitor or élu), its current item marked for ``path``."""
    items = []
    for label, name in STAFF_NAV.get(kind, MAIN_NAV):
        url = reverse(name)
        items.append(
            {"label": label, "url": url, "current": _is_current(path, url, root=name in SPACE_ROOTS)}
        )
    return items


def navigation(request):
    user = getattr(request, "user", None)
    kind = getattr(user, "kind", None) if user is not None and user.is_authenticated else None
    return {"main_nav": menu(kind, request.path)}


def parameters(request):
    """``{{ params.of_answer }}`` → "2 jours ouvrés": today's dated parameters, read only when used."""
    from dife.core.parameter_text import PageParameters

    return {"params": PageParameters()}
