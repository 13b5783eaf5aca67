from tests.organisations.fixtures import (  # noqa: F401
    agency_org,
    collectivite_agent,
    collectivite_org,
    elu,
    gestionnaire,
    gestionnaire_agent,
    of_admin,
    of_agent,
    of_org,
    other_of_org,
)
