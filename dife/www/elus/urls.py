from django.urls import include, path

from dife.www.elus.views import (
    auth,
    communes,
    droits,
    franceconnect,
    historique,
    pages,
    profil,
    rattachement,
    verification,
    wizard,
)
from dife.www.elus.views.dossiers import actions, creation, liste

app_name = "elus"

# FranceConnect+ and the identity verification.
franceconnect_patterns = [
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

# The élu's dossiers (namespace "elus:dossiers"): the enrollment request, then the list and each dossier.
dossier_patterns = [
    path("formation/<numero:numero_action>/inscription", creation.creer, name="creer"),
    path("dossiers", liste.liste, name="liste"),
    path("dossiers/<numero:numero>", liste.detail, name="detail"),
    path("dossiers/<numero:numero>/envoyee", liste.envoyee, name="envoyee"),
    path("dossiers/<numero:numero>/justificatif", liste.justificatif, name="justificatif"),
    path("dossiers/<numero:numero>/confirmer", actions.confirmer, name="confirmer"),
    path("dossiers/<numero:numero>/decliner", actions.decliner, name="decliner"),
    path("dossiers/<numero:numero>/annuler", actions.annuler, name="annuler"),
    path("dossiers/<numero:numero>/reglement", actions.reglement, name="reglement"),
]

urlpatterns = [
    *franceconnect_patterns,
    path("connexion", auth.connexion, name="connexion"),
    path("deconnexion", auth.deconnexion, name="deconnexion"),
    path("mot-de-passe-oublie", auth.mot_de_passe_oublie, name="mot_de_passe_oublie"),
    path("mot-de-passe-oublie/<str:uidb64>/<str:token>", auth.mot_de_passe_lien, name="mot_de_passe_lien"),
    path("creation-de-compte", wizard.start, name="creation_compte"),
    path("creation-de-compte/terminee", wizard.terminee, name="creation_compte_terminee"),
    path("creation-de-compte/<slug:slug>", wizard.step, name="creation_compte_etape"),
    path("communes/recherche", communes.recherche, name="communes_recherche"),
    path("conditions-generales-d-utilisation", pages.cgu, name="cgu"),
    path("droits", droits.droits, name="droits"),
    path("droits/historique", historique.historique, name="droits_historique"),
    path("droits/rattachement", rattachement.demande, name="rattachement"),
    path("droits/rattachement/<int:pk>", rattachement.detail, name="rattachement_detail"),
    path("droits/rattachement/<int:pk>/<str:kind>", rattachement.document, name="rattachement_document"),
    path("profil", profil.profil, name="profil"),
    path("profil/contact", profil.contact, name="profil_contact"),
    path("profil/adresse", profil.adresse, name="profil_adresse"),
    path("profil/diplome", profil.diplome, name="profil_diplome"),
    path("profil/email", profil.email, name="profil_email"),
    path("profil/mot-de-passe", profil.mot_de_passe, name="profil_mot_de_passe"),
    path("", include((dossier_patterns, "dossiers"))),
]
