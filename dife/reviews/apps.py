from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "dife.reviews"
    label = "reviews"
    verbose_name = "Demandes examinées par un gestionnaire"
