"""Gestionnaire's validation of service fait (included under /gestion/service-fait/)."""

from django.urls import path

from dife.www.gestion.views import service_fait

urlpatterns = [
    path("", service_fait.liste, name="service_fait"),
    path("<int:pk>", service_fait.detail, name="service_fait_detail"),
    path("<int:pk>/valider", service_fait.valider, name="service_fait_valider"),
    path("<int:pk>/justificatif", service_fait.justificatif, name="service_fait_justificatif"),
]
