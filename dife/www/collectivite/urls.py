from django.urls import path

from dife.www.collectivite.views import accueil

app_name = "collectivite"

urlpatterns = [
    path("", accueil.accueil, name="accueil"),
    path("inviter", accueil.inviter, name="inviter"),
]
