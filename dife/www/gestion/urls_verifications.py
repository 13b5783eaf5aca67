"""Gestionnaire queue of manual identity verifications (included under /gestion/verifications-identite/)."""

from django.urls import path

from dife.www.gestion.views import verifications

urlpatterns = [
    path("", verifications.queue, name="verifications_identite"),
    path("<uuid:public_id>/", verifications.detail, name="verification_identite"),
    path("<uuid:public_id>/decision", verifications.decide, name="verification_identite_decision"),
    path(
        "<uuid:public_id>/document/<str:side>", verifications.document, name="verification_identite_document"
    ),
]
