"""Gestionnaire queue of rattachement requests (included under /gestion/rattachements/)."""

from django.urls import path

from dife.www.gestion.views import rattachements

urlpatterns = [
    path("", rattachements.queue, name="rattachements"),
    path("<int:pk>/", rattachements.detail, name="rattachement"),
    path("<int:pk>/decision", rattachements.decide, name="rattachement_decision"),
    path("<int:pk>/document/<str:kind>", rattachements.document, name="rattachement_document"),
]
