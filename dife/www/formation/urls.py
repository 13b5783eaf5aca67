from django.urls import path

from dife.www.formation import views

app_name = "formation"

# The deep link of the seeds: /formation/recherche/<SIRET>_<n° action>/<SIRET>_<n° formation>.
urlpatterns = [
    path("recherche/<str:numero_action>", views.par_action, name="par_action"),
    path("recherche/<str:numero_action>/<str:numero_formation>", views.fiche, name="fiche"),
    path(
        "recherche/<str:numero_action>/<str:numero_formation>/session-<int:session_id>.ics",
        views.session_calendrier,
        name="session_ics",
    ),
]
