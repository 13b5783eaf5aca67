"""FranceConnect+ and identity verification pages of the élu space (namespace ``elus``)."""

from django.urls import path

from dife.www.elus.views import franceconnect, verification

urlpatterns = [
    path("franceconnect/connexion", franceconnect.start, name="franceconnect_connexion"),
    path("franceconnect/callback", franceconnect.callback, name="franceconnect_callback"),
    path("franceconnect/complement", franceconnect.complement, name="franceconnect_complement"),
    path("franceconnect/lier", franceconnect.lier, name="franceconnect_lier"),
    path(
        "franceconnect/demande-enregistree",
        franceconnect.demande_enregistree,
        name="franceconnect_demande_enregistree",
    ),
    path("franceconnect/deconnexion", franceconnect.logout_view, name="franceconnect_deconnexion"),
    path("franceconnect/jwks", franceconnect.jwks, name="franceconnect_jwks"),
    path("identite/verification", verification.verification, name="identite_verification"),
    path("identite/verification-requise", verification.required, name="identite_requise"),
    path(
        "identite/verification/<uuid:public_id>/<str:side>",
        verification.document,
        name="identite_document",
    ),
]
