"""``<time datetime>`` gets a value HTML accepts: whole seconds in the current time zone (Django's
``date:'c'`` writes microseconds, which the Nu HTML checker and browsers reject)."""

import datetime
import zoneinfo

from django.template import Context, Template
from django.utils import timezone

from aanbesteden.templatetags.html_tijd import datetime_attribuut


def test_zonder_microseconden_in_de_eigen_tijdzone(settings):
    settings.TIME_ZONE = "Europe/Amsterdam"
    moment = datetime.datetime(2026, 7, 1, 8, 30, 15, 874153, tzinfo=datetime.UTC)
    with timezone.override(zoneinfo.ZoneInfo("Europe/Amsterdam")):
        assert datetime_attribuut(moment) == "2026-07-01T10:30:15+02:00"
        html = Template('{% load html_tijd %}<time datetime="{{ m|datetime_attribuut }}">').render(
            Context({"m": moment})
        )
    assert html == '<time datetime="2026-07-01T10:30:15+02:00">'


def test_datum_en_leeg():
    assert datetime_attribuut(datetime.date(2026, 7, 1)) == "2026-07-01"
    assert datetime_attribuut(None) == ""
    assert datetime_attribuut("") == ""
