"""Request types for the type checker (no runtime use)."""

from django.http import HttpRequest

from dife.accounts.models import User


class SignedInRequest(HttpRequest):
    """The request of a view that requires a signed-in user: ``request.user`` is never anonymous."""

    user: User
