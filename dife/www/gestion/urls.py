from django.urls import include, path

from dife.www.gestion.views import accueil, partenaires

app_name = "gestion"

urlpatterns = [
    path("", accueil.accueil, name="accueil"),
    path("inviter", partenaires.choix, name="inviter"),
    path("inviter/organisme", partenaires.inviter_organisme, name="inviter_organisme"),
    path("inviter/collectivite", partenaires.inviter_collectivite, name="inviter_collectivite"),
    path("inviter/gestionnaire", partenaires.inviter_gestionnaire, name="inviter_gestionnaire"),
    path("verifications-identite/", include("dife.www.gestion.urls_verifications")),
    path("rattachements/", include("dife.www.gestion.urls_rattachements")),
    path("personnes/", include("dife.www.gestion.urls_personnes")),
    path("service-fait/", include("dife.www.gestion.urls_service_fait")),
    path("organismes/", include("dife.www.gestion.urls_organismes")),
]
