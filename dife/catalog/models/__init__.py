from dife.catalog.models.action import Action, Modalite, Rythme, Session
from dife.catalog.models.formation import Contexte, Formation, Status
from dife.catalog.models.organisme import OrganismeProfile
from dife.catalog.models.search import ActionSearch

__all__ = [
    "Action",
    "ActionSearch",
    "Contexte",
    "Formation",
    "Modalite",
    "OrganismeProfile",
    "Rythme",
    "Session",
    "Status",
]
