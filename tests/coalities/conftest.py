"""Fixtures of phases 2 and 3: trajecten in coalitie and route, partners, a horizon."""

from __future__ import annotations

import pytest

from aanbesteden.constants import TrajectStatus
from initiatieven.models import Horizon, Indicator
from tests.factories import TrajectFactory, UserFactory

from .factories import (
    in_status,
    partner_maken,
)


@pytest.fixture
def coalitie_traject(traject):
    return in_status(traject, TrajectStatus.COALITIE)


@pytest.fixture
def horizon(traject):
    h = Horizon.objects.create(traject=traject, ambitie="Een groen park voor iedereen")
    Indicator.objects.create(
        horizon=h, naam="Bezoekers per week", eenheid="aantal", nulwaarde=0, streefwaarde=200
    )
    return h


@pytest.fixture
def coalitie_partner(coalitie_traject):
    """A confirmed partner (with its own user) on the traject in coalitie."""
    return partner_maken(coalitie_traject, "huis@example.org", "Woningcorporatie Ons Huis")


@pytest.fixture
def route_traject(coalitie_traject, coalitie_partner):
    return in_status(coalitie_traject, TrajectStatus.ROUTE)


@pytest.fixture
def ander_coalitie_traject(gemeente, ambtenaar):
    ander = TrajectFactory(
        gemeente=gemeente,
        initiatiefnemer=UserFactory(email="ander.ini@example.org"),
        titel="Ander traject",
        status=TrajectStatus.COALITIE,
    )
    return ander
