from django.urls import include, path

from dife.www.of.views import accueil

app_name = "of"

urlpatterns = [
    path("", accueil.accueil, name="accueil"),
    path("inviter", accueil.inviter, name="inviter"),
    path("catalogue/", include("dife.www.of.urls_catalogue")),
    path("dossiers/", include("dife.www.of.urls_dossiers")),
]
