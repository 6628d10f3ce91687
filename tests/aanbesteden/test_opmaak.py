"""One rule for numbers, amounts and dates: typed in the notation of the page's language,
shown localized ("€ 45.000", "1 januari 2027"), in Dutch and in English."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from aanbesteden import opmaak
from aanbesteden.forms import Formulier, GetalVeld


class BedragForm(Formulier):
    bedrag = GetalVeld(label="Bedrag", max_digits=12, positief=True)


@pytest.mark.parametrize(
    ("taal", "invoer", "verwacht"),
    [
        ("nl", "19.500", Decimal("19500")),
        ("nl", "60.000,00", Decimal("60000")),
        ("nl", "1.234,5", Decimal("1234.5")),
        ("nl", "1234,5", Decimal("1234.5")),
        ("nl", "€ 45.000", Decimal("45000")),
        ("nl", " 12 ", Decimal("12")),
        ("en", "19,500", Decimal("19500")),
        ("en", "60,000.00", Decimal("60000")),
        ("en", "1,234.5", Decimal("1234.5")),
        ("en", "19.5", Decimal("19.5")),
    ],
)
def test_invoer_in_de_taal_van_de_pagina(taal, invoer, verwacht):
    with translation.override(taal):
        form = BedragForm({"bedrag": invoer})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["bedrag"] == verwacht


@pytest.mark.parametrize(
    ("taal", "invoer", "melding"),
    [
        ("nl", "19,500.00", "een komma voor de centen"),
        ("nl", "1000.50", "een komma voor de centen"),
        ("nl", "1e9", "Vul een getal in"),
        ("nl", "0", "groter dan nul"),
        ("nl", "1,005", "twee cijfers"),
        ("en", "1.234,5", "a point before the cents"),
        ("en", "1000,50", "a point before the cents"),
        ("en", "-3", "greater than zero"),
    ],
)
def test_foute_invoer_legt_de_schrijfwijze_uit(taal, invoer, melding):
    with translation.override(taal):
        form = BedragForm({"bedrag": invoer})
        assert not form.is_valid()
        assert melding in str(form.errors["bedrag"])


@pytest.mark.parametrize(
    ("taal", "getoond"), [("nl", 'value="45000,50"'), ("en", 'value="45000.50"')]
)
def test_formulier_toont_een_bewaard_getal_terug_in_de_eigen_schrijfwijze(taal, getoond):
    with translation.override(taal):
        html = str(BedragForm(initial={"bedrag": Decimal("45000.50")})["bedrag"])
        assert getoond in html and 'inputmode="decimal"' in html
        # What is shown is read back as the same number.
        waarde = html.split('value="')[1].split('"')[0]
        assert opmaak.getal_lezen(waarde) == Decimal("45000.50")


@pytest.mark.parametrize(
    ("taal", "verwacht"),
    [
        (
            "nl",
            [
                "€ 45.000",
                "€ 45.000,50",
                "1.234,5",
                "120 → 200",
                "1 januari 2027",
                "7 februari 2027",
            ],
        ),
        (
            "en",
            [
                "€ 45,000",
                "€ 45,000.50",
                "1,234.5",
                "120 → 200",
                "1 January 2027",
                "7 February 2027",
            ],
        ),
    ],
)
def test_filters_schrijven_gelokaliseerd(taal, verwacht):
    sjabloon = Template(
        "{% load opmaak %}{{ a|euro }}|{{ b|euro }}|{{ c|getal }}|"
        "{{ begin|getal }} → {{ doel|getal }}|{{ d|datum }}|{{ e|datum }}"
    )
    context = Context(
        {
            "a": Decimal("45000.00"),
            "b": "45000.50",  # as data keeps it (the register's JSON)
            "c": Decimal("1234.50"),
            "begin": "120.00",
            "doel": Decimal("200.00"),
            "d": datetime.date(2027, 1, 1),
            "e": "2027-02-07",
        }
    )
    with translation.override(taal):
        assert sjabloon.render(context).split("|") == verwacht


def test_lege_waarden_blijven_leeg():
    assert opmaak.euro(None) == opmaak.getal("") == opmaak.datum(None) == ""
    assert opmaak.getal("geen getal") == ""


def test_een_tijdstip_valt_op_zijn_dag_in_nederland():
    # 23:30 UTC on 31 December is already 1 January in Amsterdam.
    moment = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)
    with translation.override("nl"):
        assert opmaak.datum(moment) == "1 januari 2027"
        assert opmaak.datumtijd(moment) == "1 januari 2027 00:30"
    assert timezone.is_aware(moment)


@pytest.mark.parametrize(
    ("begin", "maanden", "verwacht"),
    [
        (datetime.date(2027, 1, 31), 1, datetime.date(2027, 2, 28)),
        (datetime.date(2027, 1, 31), 13, datetime.date(2028, 2, 29)),
        (datetime.date(2027, 11, 15), 2, datetime.date(2028, 1, 15)),
    ],
)
def test_maanden_later(begin, maanden, verwacht):
    assert opmaak.maanden_later(begin, maanden) == verwacht


@pytest.mark.parametrize(
    ("taal", "verwacht", "niet"),
    [("nl", "7 februari 2027", "Feb"), ("en", "7 February 2027", "februari")],
)
def test_dashboard_schrijft_de_maand_voluit_in_de_taal(taal, verwacht, niet):
    """The dashboard's columns of dates (next evaluation, decision term) in words."""
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    traject = SimpleNamespace(
        volgende_evaluatie=datetime.date(2027, 2, 7),
        beslissen_voor=datetime.date(2027, 2, 7),
        status="ingediend",
    )
    kolom = SimpleNamespace(kop="Datum")
    with translation.override(taal):
        for sjabloon in (
            "evaluatie/overzicht/_cel_volgende_evaluatie.html",
            "initiatieven/overzicht/_cel_beslissen_voor.html",
        ):
            html = render_to_string(sjabloon, {"traject": traject, "kolom": kolom})
            assert verwacht in html and niet not in html, html
