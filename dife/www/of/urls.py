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
    path("formations/<numero:numero>", catalogue_formations.detail, name="formation"),
    path("formations/<numero:numero>/publier", catalogue_formations.publier, name="formation_publier"),
    path("formations/<numero:numero>/fermer", catalogue_formations.fermer, name="formation_fermer"),
    path("formations/<numero:numero>/actions/nouvelle", catalogue_actions.nouvelle, name="action_nouvelle"),
    path("actions/<numero:numero>", catalogue_actions.detail, name="action"),
    path("actions/<numero:numero>/publier", catalogue_actions.publier, name="action_publier"),
    path("actions/<numero:numero>/fermer", catalogue_actions.fermer, name="action_fermer"),
    path("actions/<numero:numero>/sessions/nouvelle", catalogue_sessions.nouvelle, name="session_nouvelle"),
    path("sessions/<int:pk>", catalogue_sessions.detail, name="session"),
    path("sessions/<int:pk>/fermer", catalogue_sessions.fermer, name="session_fermer"),
    path("sessions/<int:pk>/rouvrir", catalogue_sessions.rouvrir, name="session_rouvrir"),
]

# "Dossiers à traiter": /of/dossiers/….
dossier_patterns = [
    path("", dossiers.liste, name="dossiers"),
    path("<numero:numero>", dossiers.detail, name="dossier"),
    path("<numero:numero>/proposer", dossiers.proposer, name="dossier_proposer"),
    path("<numero:numero>/refuser", dossiers.refuser, name="dossier_refuser"),
    path("<numero:numero>/entree", dossiers.entree, name="dossier_entree"),
    path("<numero:numero>/absence", dossiers.absence, name="dossier_absence"),
    path("<numero:numero>/sortie", dossiers.sortie, name="dossier_sortie"),
    path("<numero:numero>/service-fait", dossiers.service_fait, name="dossier_service_fait"),
    path("<numero:numero>/annuler", dossiers.annuler, name="dossier_annuler"),
    path("<numero:numero>/justificatif", dossiers.justificatif, name="dossier_justificatif"),
]

urlpatterns = [
    path("", accueil.accueil, name="accueil"),
    path("inviter", accueil.inviter, name="inviter"),
    path("catalogue/", include((catalogue_patterns, "catalogue"))),
    path("dossiers/", include(dossier_patterns)),
]
