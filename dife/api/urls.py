"""Public JSON API, version 1: every router is registered here, and only here."""

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from dife.api import date_limite, droits, formations, reglement


class Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}  # French text as UTF-8, not \u escapes


api = NinjaAPI(
    title="API DIFE",
    version="1",
    description="API publique de la plateforme DIFE (outils publics, catalogue, dossiers).",
    urls_namespace="api-v1",
    renderer=Renderer(),
)
api.add_router("/outils/", date_limite.router, tags=["Outils publics"])
api.add_router("/outils/", droits.router, tags=["Outils publics"])
api.add_router("/outils/", reglement.router, tags=["Outils publics"])
api.add_router("/formations", formations.router, tags=["Catalogue"])
