"""The date_fr template filter: French writes "1er avril 2027", not "1 avril 2027"."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.template import Context, Template

from dife.core.templatetags.dates_fr import date_fr


def render(fmt: str, value) -> str:
    return Template('{% load dates_fr %}{{ value|date_fr:"' + fmt + '" }}').render(Context({"value": value}))


def test_first_day_of_month_gets_er():
    assert render("j F Y", date(2027, 4, 1)) == "1er avril 2027"
    assert render("l j F Y", date(2026, 4, 1)) == "mercredi 1er avril 2026"
    morning = datetime(2027, 4, 1, 9, 30, tzinfo=ZoneInfo("Europe/Paris"))
    assert render("j F Y à H:i", morning) == "1er avril 2027 à 09:30"
    assert render("j F", date(2027, 4, 1)) == "1er avril"


def test_other_days_unchanged():
    assert render("j F Y", date(2027, 4, 10)) == "10 avril 2027"
    assert render("j F Y", date(2027, 4, 11)) == "11 avril 2027"
    assert render("l j F Y", date(2026, 4, 21)) == "mardi 21 avril 2026"
    assert render("d/m/Y", date(2027, 4, 1)) == "01/04/2027"


def test_day_in_local_time():
    # 31 March 23:30 UTC is 1 April 01:30 in Paris.
    assert render("j F Y", datetime(2027, 3, 31, 23, 30, tzinfo=ZoneInfo("UTC"))) == "1er avril 2027"


def test_empty_values():
    assert date_fr(None, "j F Y") == ""
    assert date_fr("", "j F Y") == ""
