from django.urls import path

from dife.www.public.views import health, pages, simulation, stats, tools

app_name = "public"

urlpatterns = [
    path("", pages.home, name="home"),
    path("aide", pages.aide, name="aide"),
    path("connexion", pages.bientot, {"rubrique": "Connexion"}, name="connexion"),
    path("creation-de-compte", pages.bientot, {"rubrique": "Création de compte"}, name="creation_compte"),
    path("recherche", pages.bientot, {"rubrique": "Recherche de formation"}, name="recherche"),
    path("droits", pages.bientot, {"rubrique": "Vos droits formation"}, name="droits"),
    path("dossiers", pages.bientot, {"rubrique": "Vos dossiers de formation"}, name="dossiers"),
    path("outils/date-limite", tools.date_limite, name="outil_date_limite"),
    path("outils/droits", simulation.simuler_droits, name="outil_droits"),
    path("stats", stats.stats_page, name="stats"),
    path("stats.json", stats.stats_json, name="stats_json"),
    path("sante", health.sante, name="sante"),
]
