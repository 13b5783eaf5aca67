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


def navigation(request):
    path = request.path
    return {
        "main_nav": [
            {"label": label, "url": url, "current": path == url or path.startswith(url + "/")}
            for label, url in MAIN_NAV
        ]
    }
