from tests.organisations.fixtures import of_org  # noqa: F401
