from django.urls import path

from dife.www.dossiers.views import actions, creation, liste

app_name = "dossiers"

urlpatterns = [
    path("formation/<str:numero_action>/inscription", creation.creer, name="creer"),
    path("dossiers", liste.liste, name="liste"),
    path("dossiers/<str:numero>", liste.detail, name="detail"),
    path("dossiers/<str:numero>/envoyee", liste.envoyee, name="envoyee"),
    path("dossiers/<str:numero>/justificatif", liste.justificatif, name="justificatif"),
    path("dossiers/<str:numero>/confirmer", actions.confirmer, name="confirmer"),
    path("dossiers/<str:numero>/decliner", actions.decliner, name="decliner"),
    path("dossiers/<str:numero>/annuler", actions.annuler, name="annuler"),
    path("dossiers/<str:numero>/reglement", actions.reglement, name="reglement"),
]
