"""/gestion/personnes/: the registry's persons, their mandates and their DIFE ledger (issue 4)."""

from django.urls import path

from dife.www.gestion.views import personnes

urlpatterns = [
    path("", personnes.recherche, name="personnes"),
    path("<int:pk>/", personnes.fiche, name="personne"),
    path("<int:pk>/ajustement", personnes.ajustement, name="personne_ajustement"),
    path("<int:pk>/mandats/ajouter", personnes.ajout_mandat, name="personne_ajout_mandat"),
    path(
        "<int:pk>/mandats/<int:mandate_pk>/corriger",
        personnes.corriger_mandat,
        name="personne_corriger_mandat",
    ),
    path("<int:pk>/mandats/<int:mandate_pk>/clore", personnes.clore_mandat, name="personne_clore_mandat"),
]
