from django.urls import include, path

from dife.www.elus.views import auth, communes, droits, historique, pages, profil, rattachement, wizard

app_name = "elus"

urlpatterns = [
    path("", include("dife.www.elus.urls_franceconnect")),
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
]
