from django.urls import include, path

from dife.www.of.views import (
    accueil,
    catalogue,
    catalogue_actions,
    catalogue_formations,
    catalogue_import,
    catalogue_sessions,
    dossiers,
)

app_name = "of"

# "Mon catalogue": /of/catalogue/… (namespace "of:catalogue").
catalogue_patterns = [
    path("", catalogue.accueil, name="accueil"),
    path("ouvrir", catalogue.ouvrir, name="ouvrir"),
    path("import", catalogue_import.importer, name="import"),
    path("import/modele.csv", catalogue_import.modele, name="import_modele"),
    path("formations/nouvelle", catalogue_formations.nouvelle, name="formation_nouvelle"),
    path("formations/<str:numero>", catalogue_formations.detail, name="formation"),
    path("formations/<str:numero>/publier", catalogue_formations.publier, name="formation_publier"),
    path("formations/<str:numero>/fermer", catalogue_formations.fermer, name="formation_fermer"),
    path("formations/<str:numero>/actions/nouvelle", catalogue_actions.nouvelle, name="action_nouvelle"),
    path("actions/<str:numero>", catalogue_actions.detail, name="action"),
    path("actions/<str:numero>/publier", catalogue_actions.publier, name="action_publier"),
    path("actions/<str:numero>/fermer", catalogue_actions.fermer, name="action_fermer"),
    path("actions/<str:numero>/sessions/nouvelle", catalogue_sessions.nouvelle, name="session_nouvelle"),
    path("sessions/<int:pk>", catalogue_sessions.detail, name="session"),
    path("sessions/<int:pk>/fermer", catalogue_sessions.fermer, name="session_fermer"),
    path("sessions/<int:pk>/rouvrir", catalogue_sessions.rouvrir, name="session_rouvrir"),
]

# "Dossiers à traiter": /of/dossiers/….
dossier_patterns = [
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

urlpatterns = [
    path("", accueil.accueil, name="accueil"),
    path("inviter", accueil.inviter, name="inviter"),
    path("catalogue/", include((catalogue_patterns, "catalogue"))),
    path("dossiers/", include(dossier_patterns)),
]
