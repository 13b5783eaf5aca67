from django.urls import path

from dife.notifications import views

app_name = "notifications"

urlpatterns = [
    path("courriels", views.courriels, name="courriels"),
    path("courriels/<int:pk>.html", views.courriel_html, name="courriel_html"),
]
