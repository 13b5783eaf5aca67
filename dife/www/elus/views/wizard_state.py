"""Where the account-creation wizard keeps what was typed: the server-side session.

Each step keeps its raw input (so "Étape précédente" and errors lose nothing) and whether it was
validated. The NIR is kept only encrypted (Fernet), passwords are never kept.
"""

from __future__ import annotations

from dataclasses import dataclass

SESSION_KEY = "creation_compte"
DONE_KEY = "creation_compte_terminee"


@dataclass(frozen=True)
class Step:
    slug: str
    title: str


STEPS = (
    Step("identite", "Identité"),
    Step("contact", "Contact"),
    Step("adresse", "Adresse"),
    Step("diplome", "Diplôme"),
    Step("mot-de-passe", "Mot de passe"),
)
SLUGS = [s.slug for s in STEPS]


class WizardState:
    def __init__(self, session):
        self.session = session
        self.data: dict = session.get(SESSION_KEY) or {}

    def raw(self, slug: str) -> dict:
        return dict(self.data.get(slug, {}).get("raw", {}))

    def is_valid(self, slug: str) -> bool:
        return bool(self.data.get(slug, {}).get("valid"))

    def store(self, slug: str, raw: dict, *, valid: bool) -> None:
        self.data[slug] = {"raw": raw, "valid": valid}
        self.session[SESSION_KEY] = self.data
        self.session.modified = True

    def memo(self, key: str, default=None):
        return self.data.get("_memo", {}).get(key, default)

    def set_memo(self, key: str, value) -> None:
        self.data.setdefault("_memo", {})[key] = value
        self.session[SESSION_KEY] = self.data
        self.session.modified = True

    def first_invalid_before(self, slug: str) -> str | None:
        for previous in SLUGS[: SLUGS.index(slug)]:
            if not self.is_valid(previous):
                return previous
        return None

    def first_incomplete(self) -> str:
        return next((slug for slug in SLUGS if not self.is_valid(slug)), SLUGS[-1])

    def clear(self) -> None:
        self.session.pop(SESSION_KEY, None)
        self.data = {}


def raw_fields(post, names) -> dict:
    """What the visitor typed in these fields (strings), to show it again later."""
    return {name: post.get(name, "") for name in names}
