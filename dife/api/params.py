"""Query parameters: declared and documented in a ninja schema, validated by the domain's form.

Every parameter is read as text (``Text``), so ninja never refuses one with its own English answer:
the Django form the HTML page also uses stays the single source of the rules and of the French
messages (``errors.bad_request``). ``param()`` documents what that form accepts — its type,
format or values — in the OpenAPI document.
"""

from typing import Annotated, Any

from ninja import Schema
from pydantic import ConfigDict, Field, WithJsonSchema

Text = Annotated[str | None, WithJsonSchema({"type": "string"})]


def param(description: str, **json_schema: Any) -> Any:
    """An optional query parameter, ``description`` in French; ``json_schema`` overrides its type."""
    return Field(None, description=description, json_schema_extra=json_schema or None)


def required_in_docs(*names: str) -> ConfigDict:
    """Mark ``names`` required in the OpenAPI document; a missing one still gets the form's French 400."""

    def mark(schema: dict[str, Any]) -> None:
        schema["required"] = list(names)

    return ConfigDict(json_schema_extra=mark)


class QuerySchema(Schema):
    def data(self) -> dict[str, str]:
        """The parameters the client sent, as sent: the data of the domain form."""
        return self.model_dump(exclude_none=True)
