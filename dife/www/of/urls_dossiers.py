"""OF's "Dossiers à traiter" (included under /of/dossiers/, namespace "of")."""

from django.urls import path

from dife.www.of.views import dossiers

urlpatterns = [
    path("", dossiers.liste, name="dossiers"),
    path("<str:numero>", dossiers.detail, name="dossier"),
    path("<str:numero>/proposer", dossiers.proposer, name="dossier_proposer"),
    path("<str:numero>/refuser", dossiers.refuser, name="dossier_refuser"),
    path("<str:numero>/entree", dossiers.entree, name="dossier_entree"),
    path("<str:numero>/absence", dossiers.absence, name="dossier_absence"),
    path("<str:numero>/sortie", dossiers.sortie, name="dossier_sortie"),
    path("<str:numero>/service-fait", dossiers.service_fait, name="dossier_service_fait"),
    path("<str:numero>/annuler", dossiers.annuler, name="dossier_annuler"),
    path("<str:numero>/justificatif", dossiers.justificatif, name="dossier_justificatif"),
]
