from datetime import date

from dife.core.names import alt_matching_key, first_first_name, fold, matching_key

BIRTH = date(1960, 1, 31)


def test_fold():
    assert fold("Rieu-Fromentin") == fold("RIEU FROMENTIN") == fold("rieu fromentin") == "rieufromentin"
    assert fold("Œillet d'Æthel") == "oeilletdaethel"
    assert fold("HAŸ") == "hay"


def test_first_first_name():
    assert first_first_name("Jean-Pierre Marie") == "Jean-Pierre"
    assert first_first_name("Tomas ( Espagnol )") == "Tomas"
    assert first_first_name("Anne,Marie") == "Anne"
    assert first_first_name("") == ""


def test_matching_key_ignores_accents_case_hyphens_and_later_first_names():
    key = matching_key("DUPONT-LAJOIE", "Jean-Pierre", BIRTH)
    assert key == "dupontlajoie|jeanpierre|1960-01-31"
    assert matching_key("Dupont Lajoie", "jean-pierre André", "1960-01-31") == key
    assert matching_key("DUPONT LAJOIE", "Jean Pierre", BIRTH) != key  # two first names, not one


def test_parenthesised_mention():
    assert matching_key("DE SOUSA (JOURDAN)", "Sandra", BIRTH) == "desousa|sandra|1960-01-31"
    assert alt_matching_key("DE SOUSA (JOURDAN)", "Sandra", BIRTH) == "jourdan|sandra|1960-01-31"
    assert alt_matching_key("DE SOUSA", "Sandra", BIRTH) == ""
    assert matching_key("(PESCHARD) LAMPSON", "Lucie", BIRTH) == "lampson|lucie|1960-01-31"
