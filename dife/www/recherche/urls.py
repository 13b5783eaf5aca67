from django.urls import path

from dife.www.recherche import views

app_name = "recherche"

urlpatterns = [
    path("recherche", views.recherche, name="recherche"),
]
