"""GET /api/v1/openapi.json declares every parameter and every response field, described in French."""

import pytest

TOOLS = {
    "/api/v1/outils/date-limite": {"debut", "commune"},
    "/api/v1/outils/droits": {"premier_tour", "au"},
    "/api/v1/outils/reglement": {
        "evenement",
        "prix",
        "droits_engages",
        "debut",
        "commune",
        "date",
        "heures_prevues",
        "heures_suivies",
        "force_majeure",
    },
}
SEARCH_FILTERS = {"q", "commune", "rayon", "a_distance", "contexte", "du", "au", "prix_max", "tri", "page"}
PARAMETERS = TOOLS | {"/api/v1/formations": SEARCH_FILTERS}
OPERATION_IDS = {  # generated clients name their methods after them: they must not change
    "/api/v1/outils/date-limite": "dife_api_outils_date_limite",
    "/api/v1/outils/droits": "dife_api_droits_droits",
    "/api/v1/outils/reglement": "dife_api_reglement_reglement_outil",
    "/api/v1/formations": "dife_api_formations_formations",
}


@pytest.fixture(scope="module")
def document():
    from django.test import Client

    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", path, operation


def resolve(document, schema: dict) -> dict:
    while "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        schema = document["components"]["schemas"][name]
    return schema


def response_schema(document, operation, status: str) -> dict:
    return resolve(document, operation["responses"][status]["content"]["application/json"]["schema"])


def properties_without_description(document, schema: dict, where: str, seen: set) -> list[str]:
    """Every property of ``schema`` and of the schemas it contains, that has no description."""
    if "$ref" in schema:
        if schema["$ref"] in seen:
            return []
        seen.add(schema["$ref"])
    schema = resolve(document, schema)
    missing = []
    for name, prop in schema.get("properties", {}).items():
        if not (prop.get("description") or "").strip():
            missing.append(f"{where}.{name}")
        missing += properties_without_description(document, prop, f"{where}.{name}", seen)
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            missing += properties_without_description(document, schema[key], where, seen)
    for option in schema.get("anyOf", []):
        missing += properties_without_description(document, option, where, seen)
    return missing


def test_every_endpoint_is_documented(document):
    assert set(document["paths"]) == set(PARAMETERS)
    assert {path: op["operationId"] for _, path, op in operations(document)} == OPERATION_IDS


def test_every_operation_declares_its_parameters_with_a_description(document):
    for name, path, operation in operations(document):
        parameters = operation.get("parameters", [])
        assert {p["name"] for p in parameters} == PARAMETERS[path], name
        for parameter in parameters:
            assert parameter["in"] == "query", name
            assert (parameter.get("description") or "").strip(), f"{name} ?{parameter['name']}"


def test_the_search_lists_all_its_filters_with_their_types(document):
    [(_, _, search)] = [op for op in operations(document) if op[1] == "/api/v1/formations"]
    schemas = {p["name"]: p["schema"] for p in search["parameters"]}
    assert set(schemas) == SEARCH_FILTERS
    assert not any(p["required"] for p in search["parameters"])
    assert (schemas["rayon"]["type"], schemas["rayon"]["minimum"], schemas["rayon"]["maximum"]) == (
        "integer",
        1,
        200,
    )
    assert schemas["page"]["type"] == "integer"
    assert schemas["du"]["format"] == schemas["au"]["format"] == "date"
    assert schemas["tri"]["enum"] == ["pertinence", "date", "distance", "prix"]
    assert schemas["contexte"]["enum"] == ["mandat", "reconversion"]


def test_required_tool_parameters_are_marked_required(document):
    required = {
        path: {p["name"] for p in op["parameters"] if p["required"]} for _, path, op in operations(document)
    }
    assert required["/api/v1/outils/date-limite"] == {"debut", "commune"}
    assert required["/api/v1/outils/droits"] == {"premier_tour", "au"}
    assert required["/api/v1/outils/reglement"] == {"evenement", "prix", "droits_engages"}


def test_every_operation_has_a_described_200_schema(document):
    for name, _, operation in operations(document):
        schema = response_schema(document, operation, "200")
        assert schema.get("properties"), name
        assert properties_without_description(document, schema, name, set()) == []


def test_every_operation_documents_its_400_in_french(document):
    for name, _, operation in operations(document):
        schema = response_schema(document, operation, "400")
        assert set(schema["properties"]) == {"erreur", "details"}, name
        assert properties_without_description(document, schema, name, set()) == []


def test_response_fields_are_the_json_field_names(document):
    fields = {
        path: set(response_schema(document, op, "200")["properties"]) for _, path, op in operations(document)
    }
    assert fields == {
        "/api/v1/outils/date-limite": {"debut", "commune", "date_limite_proposition", "jours_feries"},
        "/api/v1/outils/droits": {"credits", "solde"},
        "/api/v1/outils/reglement": {
            "paye_organisme",
            "droits_consommes",
            "droits_liberes",
            "annulation_gratuite",
        },
        "/api/v1/formations": {"count", "results"},
    }
    assert set(item_fields(document, "/api/v1/outils/droits", "credits")) == {
        "date",
        "montant",
        "solde",
        "plafond",
    }
    assert set(item_fields(document, "/api/v1/formations", "results")) == {
        "numero_action",
        "intitule",
        "organisme",
        "url",
        "prix",
        "duree_heures",
        "modalite",
        "commune",
        "distance_km",
        "prochaine_session",
    }


def item_fields(document, path: str, field: str) -> dict:
    operation = document["paths"][path]["get"]
    items = response_schema(document, operation, "200")["properties"][field]["items"]
    return resolve(document, items)["properties"]
