from django.urls import path

from dife.www.public.views import health, pages, reglement, simulation, stats, tools

app_name = "public"

urlpatterns = [
    path("", pages.home, name="home"),
    path("aide", pages.aide, name="aide"),
    path("outils/date-limite", tools.date_limite, name="outil_date_limite"),
    path("outils/droits", simulation.simuler_droits, name="outil_droits"),
    path("outils/reglement", reglement.outil_reglement, name="outil_reglement"),
    path("stats", stats.stats_page, name="stats"),
    path("stats.json", stats.stats_json, name="stats_json"),
    path("sante", health.sante, name="sante"),
]
