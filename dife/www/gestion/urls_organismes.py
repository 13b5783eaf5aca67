"""/gestion/organismes/: the training organisations and their agrément élus."""

from django.urls import path

from dife.www.gestion.views import organismes

urlpatterns = [
    path("", organismes.liste, name="organismes"),
    path("<int:pk>/", organismes.fiche, name="organisme"),
]
