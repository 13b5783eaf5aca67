"""The API's answer to invalid parameters: 400, a French message naming them, one message each."""

from django import forms
from ninja import Schema, Status
from pydantic import Field


class Error(Schema):
    erreur: str = Field(
        description="Message en français qui nomme les paramètres invalides, "
        "par exemple « Paramètre(s) invalide(s) : debut, commune. »."
    )
    details: dict[str, str] = Field(
        description="Pour chaque paramètre invalide (la clé), le premier message d'erreur en français."
    )


def first_errors(form: forms.Form) -> dict[str, str]:
    """One French message per invalid field (the first one), for JSON answers."""
    return {field: str(errors[0]) for field, errors in form.errors.items()}


def bad_request(details: dict[str, str]) -> Status[Error]:
    """400 with a French message naming each invalid field."""
    fields = ", ".join(details)
    return Status(400, Error(erreur=f"Paramètre(s) invalide(s) : {fields}.", details=details))
