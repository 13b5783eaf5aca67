from django.urls import path

from dife.www.of.views import accueil

app_name = "of"

urlpatterns = [
    path("", accueil.accueil, name="accueil"),
    path("inviter", accueil.inviter, name="inviter"),
]
