"""No page of the public layout trips the Content-Security-Policy or throws a script error."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/recherche",
    "/connexion",
    "/creation-de-compte",
    "/outils/date-limite",
    "/outils/date-limite?debut=2026-04-20&commune=57463",
    "/outils/droits",
    "/outils/reglement",
    "/stats",
    "/aide",
    "/api/v1/docs",
]


def test_public_pages_log_no_csp_violation_nor_script_error(live_server, page, communes):
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    for path in PAGES:
        page.goto(live_server.url + path, wait_until="networkidle")
        assert problems == [], f"{path}: {problems}"
    # The API documentation really rendered from our own static files.
    expect(page.locator(".swagger-ui").get_by_text("/api/v1/outils/date-limite").first).to_be_visible()
