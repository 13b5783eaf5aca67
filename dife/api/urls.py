"""Public JSON API, version 1. Routers live beside the domain they expose."""

from ninja import NinjaAPI

from dife.api.outils import router as outils_router

api = NinjaAPI(
    title="API DIFE",
    version="1",
    description="API publique de la plateforme DIFE (outils publics, catalogue, dossiers).",
    urls_namespace="api-v1",
)
api.add_router("/outils/", outils_router)
api.add_router("/formations", "dife.api.formations.router")
