"""Accessibility of the key pages (RGAA 4.1 minded): axe-core, injected into each page in Chromium, must
find no "serious" or "critical" violation of the WCAG 2.1 A/AA rules.

axe-core is vendored in tests/e2e/vendor/axe.min.js (MPL-2.0, see the README there) so that `make test`
needs neither Node nor the network. Automated checks catch only part of the RGAA criteria: they don't
replace a manual audit.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from dife.enrollment.services import create_dossier
from tests.accounts.fixtures import NIR_A, NIR_B, PASSWORD
from tests.e2e.test_account_wizard import _browser_session
from tests.e2e.test_formation_page import seed_catalog
from tests.formation.conftest import registered_elu

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}

# Rules excluded on exact selectors, because the markup comes from DSFR and can't be fixed on our side.
# Each entry: (rule id, CSS selector of the excluded element, why). None is needed with axe-core 4.14.1.
# Note: axe leaves the contrast of DSFR elements drawn with gradients or background images (buttons,
# cards, selects, radios) "incomplete" (to be checked by a person), not violations: DSFR's palette
# is audited by the DSFR team.
EXCLUDED: list[tuple[str, str, str]] = []


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now; the serious and critical violations, minus the excluded."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())  # through DevTools, so the site's strict CSP stays in force
    result = page.evaluate(
        """async (tags) => {
            const options = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']};
            const r = await axe.run(document, options);
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact,
                                          summary: n.failureSummary, html: n.html.slice(0, 200)})),
            }));
        }""",
        WCAG_TAGS,
    )
    found = []
    for violation in result:
        nodes = [
            node
            for node in violation["nodes"]
            if node["impact"] in BLOCKING
            and not any(
                rule == violation["id"] and selector == node["target"] for rule, selector, _ in EXCLUDED
            )
        ]
        if nodes:
            found.append({**violation, "nodes": nodes})
    return found


class Audit:
    """Collects the violations of every page visited, so one run reports them all."""

    def __init__(self, page):
        self.page = page
        self.report: dict[str, list[dict]] = {}
        self.facts: dict[str, dict] = {}

    def check(self, name: str) -> None:
        self.page.wait_for_load_state("load")
        self.report[name] = axe_violations(self.page)
        # A few RGAA criteria that axe doesn't judge: 8.3 (language is French), 8.5/8.6 (a title that
        # names the page), 9.1 (one h1), 12.7 (the skip links lead somewhere).
        self.facts[name] = self.page.evaluate(
            """() => ({
                lang: document.documentElement.lang,
                title: document.title,
                h1: document.querySelectorAll('h1').length,
                broken_skiplinks: [...document.querySelectorAll('.fr-skiplinks a[href^="#"]')]
                    .map(a => a.getAttribute('href')).filter(h => !document.getElementById(h.slice(1))),
            })"""
        )

    def assert_clean(self) -> None:
        lines = []
        for name, facts in self.facts.items():
            if facts["lang"] != "fr" or facts["h1"] != 1 or facts["broken_skiplinks"]:
                lines.append(f"[{name}] lang, h1 ou liens d'évitement incorrects : {facts}")
            if not facts["title"].endswith(" — Mon Compte Élu — DIFE") or facts["title"].startswith(" —"):
                lines.append(f"[{name}] titre de page incorrect : {facts['title']!r}")
        for name, violations in self.report.items():
            for v in violations:
                lines.append(f"[{name}] {v['id']} ({v['impact']}): {v['help']}")
                lines += [f"    {n['target']} — {n['html']}\n      {n['summary']}" for n in v["nodes"]]
        assert not lines, "Violations d'accessibilité :\n" + "\n".join(lines)


def test_the_check_catches_a_violation(live_server, page):
    """The harness is real: a field without label and an image without text alternative are caught."""
    page.goto(live_server.url + "/connexion")
    page.evaluate(
        """() => document.querySelector('main').insertAdjacentHTML('beforeend',
               '<input id="sans-etiquette" type="text"><img id="sans-alt" src="/static/x.png">')"""
    )
    found = {(v["id"], n["target"]) for v in axe_violations(page) for n in v["nodes"]}
    assert ("label", "#sans-etiquette") in found and ("image-alt", "#sans-alt") in found


def test_public_pages(live_server, page):
    action = seed_catalog()
    audit = Audit(page)
    base = live_server.url
    for name, path in [
        ("accueil", "/"),
        ("connexion", "/connexion"),
        ("outil-droits", "/outils/droits"),
        ("outil-reglement", "/outils/reglement"),
        ("stats", "/stats"),
        ("pro-connexion", "/pro/connexion"),
        ("page-404", "/cette-page-n-existe-pas"),
    ]:
        page.goto(base + path)
        audit.check(name)

    page.goto(base + "/recherche?q=domaine+public&lieu=42130")
    assert "1 formation" in page.locator("#resultats").inner_text()
    audit.check("recherche-resultats")

    page.get_by_role("link", name=action.formation.intitule).click()
    page.wait_for_url("**/formation/recherche/**")
    audit.check("page-formation")

    page.goto(base + "/outils/date-limite")
    page.get_by_label("Date de début de la session").fill("2026-12-14")
    page.get_by_label("Commune du lieu de la session (code INSEE)").fill("45234")
    page.get_by_role("button").and_(page.locator("main button[type=submit]")).first.click()
    page.wait_for_url("**/outils/date-limite?*")
    audit.check("outil-date-limite-resultat")
    page.goto(base + "/outils/date-limite?debut=2026-13-45&commune=abc")
    assert page.locator(".fr-error-text, .fr-message--error").count() >= 1
    audit.check("outil-date-limite-erreur")

    page.goto(base + "/creation-de-compte/identite")
    page.get_by_label("Numéro de sécurité sociale").fill("2 68 04 45 234 123 12")
    page.get_by_label("Nom de naissance").fill("Fictivel")
    page.get_by_role("button", name="Étape suivante").click()
    assert "ne correspond pas" in page.locator("main").inner_text()
    audit.check("creation-compte-erreur")

    # On a phone: the header's menu opens as a modal dialog (DSFR copies the header's links into it).
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(base + "/")
    page.locator("#bouton-menu-mobile").click()
    page.locator("#menu-mobile").locator(".fr-nav__link").first.wait_for()
    audit.check("accueil-mobile-menu-ouvert")

    audit.assert_clean()


def test_elu_pages(live_server, page):
    action = seed_catalog()
    elu = registered_elu(NIR_B, "Martin", "Claire", date(1971, 5, 4), credit=Decimal("800"))
    create_dossier(
        user=elu, session=action.sessions.order_by("debut").first(), categorie_socioprofessionnelle="3",
        objectif="mandate", conditions_accepted=True, identity_verified=True,
    )  # fmt: skip
    registered_elu(NIR_A, "Durand", "Paul", date(1984, 12, 3), credit=Decimal("400"))
    audit = Audit(page)
    page.goto(live_server.url + "/connexion")
    page.get_by_label("Numéro de sécurité sociale").fill(NIR_A)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/droits")
    assert page.get_by_role("heading", level=1).inner_text() == "Vos droits formation"
    audit.check("droits")

    _browser_session(page, live_server, elu)
    page.goto(live_server.url + "/dossiers")
    assert page.locator("main").get_by_text("La gestion du domaine public").count() >= 1
    audit.check("dossiers")
    audit.assert_clean()
