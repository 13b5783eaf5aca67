from django.urls import include, path

from dife.www.public.views import formation, health, pages, recherche, reglement, simulation, stats, tools

app_name = "public"

# The deep link of the seeds: /formation/recherche/<SIRET>_<n° action>/<SIRET>_<n° formation>
# (namespace "public:formation").
formation_patterns = [
    path("recherche/<numero:numero_action>", formation.par_action, name="par_action"),
    path("recherche/<numero:numero_action>/<numero:numero_formation>", formation.fiche, name="fiche"),
    path(
        "recherche/<numero:numero_action>/<numero:numero_formation>/session-<int:session_id>.ics",
        formation.session_calendrier,
        name="session_ics",
    ),
]

urlpatterns = [
    path("", pages.home, name="home"),
    path("aide", pages.aide, name="aide"),
    path("outils/date-limite", tools.date_limite, name="outil_date_limite"),
    path("outils/droits", simulation.simuler_droits, name="outil_droits"),
    path("outils/reglement", reglement.outil_reglement, name="outil_reglement"),
    path("stats", stats.stats_page, name="stats"),
    path("stats.json", stats.stats_json, name="stats_json"),
    path("sante", health.sante, name="sante"),
    path("recherche", recherche.recherche, name="recherche"),
    path("formation/", include((formation_patterns, "formation"))),
]
