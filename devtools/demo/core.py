"""Demo part of the foundation: a back-office superuser for the Django administration."""

from django.contrib.auth import get_user_model

USERNAME = "admin"
PASSWORD = "Demo-DIFE-2026!"


def load() -> str:
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=USERNAME, defaults={"email": "admin@dife.localhost", "is_staff": True, "is_superuser": True}
    )
    if created:
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
    return "Administration : compte « admin » " + ("créé" if created else "déjà présent")


def accounts() -> list[str]:
    return [f"Administration technique (/admin/) : {USERNAME} / {PASSWORD}"]
