"""Fixtures of phase 5: a traject in evaluatie with a sealed agreement, indicators, a confirmed
partner and budget tranches, all built directly with the ORM."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from aanbesteden.constants import TrajectStatus
from coalities.models import Partner, Tranche
from initiatieven.models import Horizon, Indicator

from .factories import (
    NU,
    in_status,
    versie_maken,
)


@pytest.fixture
def klok():
    import time_machine

    with time_machine.travel(NU, tick=False) as reiziger:
        yield reiziger


@pytest.fixture
def bevestigde_partner(traject, partner):
    return Partner.objects.create(
        traject=traject,
        gebruiker=partner,
        organisatie="Woningcorporatie Thuis",
        contactpersoon="Petra Smit",
        status="bevestigd",
    )


@pytest.fixture
def indicatoren(traject):
    horizon = Horizon.objects.create(traject=traject, ambitie="Een groen en veilig park.")
    return [
        Indicator.objects.create(
            horizon=horizon,
            naam="Bezoekers per week",
            eenheid="aantal",
            nulwaarde=Decimal("100"),
            streefwaarde=Decimal("300"),
            hoger_is_beter=True,
            volgorde=1,
        ),
        Indicator.objects.create(
            horizon=horizon,
            naam="Klachten over zwerfafval",
            eenheid="per maand",
            nulwaarde=Decimal("40"),
            streefwaarde=Decimal("10"),
            hoger_is_beter=False,
            volgorde=2,
        ),
    ]


@pytest.fixture
def tranches(traject):
    return [
        Tranche.objects.create(
            traject=traject,
            omschrijving="Eerste tranche",
            bedrag=Decimal("10000"),
            vorm="subsidie",
            datum=datetime.date(2027, 1, 1),
        )
    ]


@pytest.fixture
def eval_traject(
    klok, traject, ambtenaar, initiatiefnemer, bevestigde_partner, indicatoren, tranches
):
    """``traject`` in evaluatie since today, with a sealed agreement: start 1 January 2027,
    24 months, quarterly, first evaluation 1 April 2027; its moments planned."""
    from evaluatie import services

    versie_maken(
        traject,
        start=datetime.date(2027, 1, 1),
        maanden=24,
        frequentie="kwartaal",
        eerste=datetime.date(2027, 4, 1),
    )
    traject = in_status(traject, TrajectStatus.EVALUATIE)
    services.momenten_plannen(traject=traject)
    return traject
