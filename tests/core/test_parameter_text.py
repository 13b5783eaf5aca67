"""User-facing texts follow the dated parameters: change a value in the registry, the pages and the
messages say the new number (on the date the rule applies to), with no code change."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from dife.core import parameter_text, parameters
from dife.core.formatting import long_date
from dife.core.parameter_text import PageParameters, format_value, text
from dife.core.parameters import DatedValue, Parameter, Unit
from dife.core.parameters_data import REGISTRY
from dife.enrollment.settlement import compute


@pytest.fixture
def new_value(monkeypatch):
    """``new_value(key, value, start)``: the registry gets one more dated value for this test only
    (the real data table is patched, the code reading it is not)."""

    def add(key: str, value, start: date) -> None:
        current = REGISTRY[key]
        values = (*current.values, DatedValue(value, start, "Valeur de test"))
        monkeypatch.setitem(REGISTRY, key, Parameter(current.key, current.label, current.unit, values))

    return add


@pytest.mark.parametrize(
    ("unit", "value", "expected"),
    [
        (Unit.EUR, Decimal("800.00"), "800 €"),
        (Unit.EUR, Decimal("1500.00"), "1\u202f500 €"),
        (Unit.EUR, Decimal("15.25"), "15,25 €"),
        (Unit.EUR_HT_PER_HOUR, Decimal("80.00"), "80 € HT par heure"),
        (Unit.RATE, Decimal("0.05"), "5 %"),
        (Unit.RATE, Decimal("0.125"), "12,5 %"),
        (Unit.BUSINESS_DAYS, 2, "2 jours ouvrés"),
        (Unit.BUSINESS_DAYS, 1, "1 jour ouvré"),
        (Unit.CALENDAR_DAYS, 14, "14 jours"),
        (Unit.MONTHS, 6, "6 mois"),
        (Unit.DATE, date(2023, 3, 1), "1er mars 2023"),
    ],
)
def test_format_value_per_unit(unit, value, expected):
    assert format_value(unit, value) == expected


def test_text_is_the_value_in_force_on_the_date():
    assert text("dife.ceiling", date(2022, 6, 1)) == "700 €"
    assert text("dife.ceiling", date(2023, 3, 30)) == "800 €"
    assert parameter_text.since("dife.ceiling", date(2024, 1, 1)) == "30 mars 2023"


def test_page_parameters_are_lazy_and_curated():
    params = PageParameters()
    assert params._cache == {} and params._as_of is None  # nothing read until a template asks
    assert params.of_answer == "2 jours ouvrés"
    assert set(params._cache) == {"of_answer"}
    with pytest.raises(AttributeError):
        params.not_a_parameter  # noqa: B018
    with pytest.raises(ValueError):
        PageParameters(dates={"nope": date(2024, 1, 1)})


def test_each_name_of_a_dossier_page_is_read_on_its_own_date(new_value):
    today = timezone.localdate()
    new_value("enrollment.of_answer_business_days", 3, today)
    params = PageParameters(dates={"of_answer": today - timedelta(days=1)})
    assert params.of_answer == "2 jours ouvrés"  # the request was sent under the old rule
    assert PageParameters().of_answer == "3 jours ouvrés"


def test_settlement_message_quotes_the_delay_of_the_cancellation_day(new_value):
    change = date(2030, 1, 1)
    new_value("enrollment.free_cancellation_business_days", 10, change)
    new_value("settlement.late_cancellation_rate", Decimal("0.08"), change)
    price = Decimal("100.00")
    common = {"event": "cancelled_by_elu", "price": price, "rights_engaged": price}
    before = compute(**common, as_of=change - timedelta(days=1), free_cancellation=False)
    after = compute(**common, as_of=change, free_cancellation=False)
    assert "moins de 7 jours ouvrés" in before.rule and "5 %" in before.rule
    assert "moins de 10 jours ouvrés" in after.rule and "8 %" in after.rule
    assert after.of_amount == Decimal("8.00")
    free = compute(**common, as_of=change, free_cancellation=True)
    assert free.rule.startswith("Annulation 10 jours ouvrés ou plus")


@pytest.mark.django_db
def test_public_pages_show_todays_values_from_the_registry(client, new_value):
    today = timezone.localdate()
    new_value("dife.annual_credit", Decimal("450.00"), today)
    new_value("dife.ceiling", Decimal("1000.00"), today)
    new_value("enrollment.proposal_lead_business_days", 12, today)
    new_value("settlement.attendance_full_threshold", Decimal("0.90"), today)
    assert parameters.value("dife.annual_credit", today) == Decimal("450.00")

    home = client.get("/").content.decode()
    assert "vous disposez chaque année de 450 € de droits" in home
    assert "au moins 12 jours ouvrés après la proposition" in home
    assert "400 €" not in home and "11 jours ouvrés" not in home

    aide = client.get("/aide").content.decode()
    expected_since = long_date(today)
    assert f"plafond (1\u202f000 € depuis le {expected_since})" in aide
    assert "au moins 12 jours ouvrés après la proposition" in aide

    reglement = client.get("/outils/reglement").content.decode()
    assert "de 25 % à 90 %, au prorata" in reglement and "plus de 90 %, le prix entier" in reglement


@pytest.mark.django_db
def test_public_pages_keep_todays_texts(client):
    """Without a change, the pages say exactly what they said when the numbers were literals."""
    aide = client.get("/aide").content.decode()
    assert "Vos droits sont crédités de 400 € par année de mandat" in aide
    assert "plafond (800 € depuis le 30 mars 2023)" in aide
    assert "sous 2 jours ouvrés ; vous confirmez sa proposition sous\n          4 jours ouvrés." in aide
    reglement = client.get("/outils/reglement").content.decode()
    assert "Annulation 7 jours ouvrés ou plus avant le début" in reglement
    assert "absence : 5 % du prix à l’organisme" in reglement
    assert "moins de 25 % d’assiduité, 25 % du prix" in reglement
