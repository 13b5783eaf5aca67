"""Tests fail on an unknown variable in our templates (config/strict_templates.py), not in Django's or
django-dsfr's, which keep their usual rendering."""

import pytest
from django.conf import settings
from django.template import Context, Template, engines
from django.template.base import Origin

from config.strict_templates import UnknownTemplateVariable


def render(source: str, path, **context) -> str:
    template = Template(source, origin=Origin(str(path)), engine=engines["django"].engine)
    return template.render(Context(context))


def test_an_unknown_variable_in_our_template_fails():
    for root in ("dife/www/public/templates", "templates"):
        with pytest.raises(UnknownTemplateVariable, match="nom_inconnu"):
            render("Bonjour {{ nom_inconnu }}", settings.BASE_DIR / root / "page.html")
        with pytest.raises(UnknownTemplateVariable, match="dossier.inconnu"):
            render("{{ dossier.inconnu|default:'—' }}", settings.BASE_DIR / root / "page.html", dossier={})


def test_tags_that_test_a_variable_still_accept_a_missing_one():
    path = settings.BASE_DIR / "templates" / "page.html"
    assert render("{% if absent %}oui{% else %}non{% endif %}", path) == "non"
    assert render("{% for x in absent %}{{ x }}{% empty %}vide{% endfor %}", path) == "vide"
    assert render("{{ present }}", path, present="là") == "là"


def test_third_party_templates_render_as_usual():
    dsfr = settings.BASE_DIR / ".venv" / "lib" / "dsfr" / "templates" / "dsfr" / "tag.html"
    assert render("[{{ absent }}]", dsfr) == "[]"
    assert render("{{ absent|default:'défaut' }}", dsfr) == "défaut"
    assert render("{{ absent|yesno:'oui,non' }}", "<unknown source>") == "non"
