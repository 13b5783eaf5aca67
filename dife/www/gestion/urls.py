from django.urls import include, path

from dife.www.gestion.views import (
    accueil,
    organismes,
    partenaires,
    personnes,
    rattachements,
    service_fait,
    verifications,
)

app_name = "gestion"

# /gestion/verifications-identite/: the queue of manual identity verifications.
verification_patterns = [
    path("", verifications.queue, name="verifications_identite"),
    path("<uuid:public_id>/", verifications.detail, name="verification_identite"),
    path("<uuid:public_id>/decision", verifications.decide, name="verification_identite_decision"),
    path(
        "<uuid:public_id>/document/<str:side>", verifications.document, name="verification_identite_document"
    ),
]

# /gestion/rattachements/: the queue of rattachement requests.
rattachement_patterns = [
    path("", rattachements.queue, name="rattachements"),
    path("<int:pk>/", rattachements.detail, name="rattachement"),
    path("<int:pk>/decision", rattachements.decide, name="rattachement_decision"),
    path("<int:pk>/document/<str:kind>", rattachements.document, name="rattachement_document"),
]

# /gestion/personnes/: the registry's persons, their mandates and their DIFE ledger (issue 4).
personne_patterns = [
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

# /gestion/service-fait/: the validation of service fait.
service_fait_patterns = [
    path("", service_fait.liste, name="service_fait"),
    path("<int:pk>", service_fait.detail, name="service_fait_detail"),
    path("<int:pk>/valider", service_fait.valider, name="service_fait_valider"),
    path("<int:pk>/justificatif", service_fait.justificatif, name="service_fait_justificatif"),
]

# /gestion/organismes/: the training organisations and their agrément.
organisme_patterns = [
    path("", organismes.liste, name="organismes"),
    path("<int:pk>/", organismes.fiche, name="organisme"),
]

urlpatterns = [
    path("", accueil.accueil, name="accueil"),
    path("inviter", partenaires.choix, name="inviter"),
    path("inviter/organisme", partenaires.inviter_organisme, name="inviter_organisme"),
    path("inviter/collectivite", partenaires.inviter_collectivite, name="inviter_collectivite"),
    path("inviter/gestionnaire", partenaires.inviter_gestionnaire, name="inviter_gestionnaire"),
    path("verifications-identite/", include(verification_patterns)),
    path("rattachements/", include(rattachement_patterns)),
    path("personnes/", include(personne_patterns)),
    path("service-fait/", include(service_fait_patterns)),
    path("organismes/", include(organisme_patterns)),
]
