"""The demo preparers make the phase's requirements hold with realistic data."""

from __future__ import annotations

from aanbesteden.demo import Demo, traject_naar
from aanbesteden.fasen import fasen
from initiatieven.constants import OpgaveStatus
from initiatieven.demo import demo_opgaven
from initiatieven.models import Horizon, Opgave, Voorstel
from tests.factories import TrajectFactory


def test_demo_loopt_tot_coalitie(gemeente, ambtenaar, initiatiefnemer, monkeypatch):
    # only this phase's preparers and requirements: later phases are not this app's concern
    traject = TrajectFactory(
        gemeente=gemeente, initiatiefnemer=initiatiefnemer, titel="Buurthuis De Linde"
    )
    demo = Demo(gemeente, ambtenaar, initiatiefnemer)
    traject = traject_naar(traject, "coalitie", demo)
    assert traject.status == "coalitie"
    voorstel = Voorstel.objects.get(traject=traject)
    assert voorstel.opgave.titel.startswith("Beheer")  # it answers the open demo call
    assert voorstel.besluit == "toegelaten"
    horizon = Horizon.objects.get(traject=traject)
    assert horizon.goedgekeurd and 2 <= horizon.indicatoren.count() <= 3
    # the demo calls: one open, one closed, created once
    demo_opgaven(gemeente=gemeente, door=ambtenaar)
    opgaven = Opgave.objects.filter(gemeente=gemeente)
    assert opgaven.count() == 2
    assert {o.is_open for o in opgaven} == {True, False}
    assert {o.status for o in opgaven} == {OpgaveStatus.GEPUBLICEERD, OpgaveStatus.GESLOTEN}


def test_demo_afwijzen(gemeente, ambtenaar, initiatiefnemer):
    traject = TrajectFactory(
        gemeente=gemeente, initiatiefnemer=initiatiefnemer, titel="Parkeerbeheer"
    )
    traject = traject_naar(traject, "afgewezen", Demo(gemeente, ambtenaar, initiatiefnemer))
    assert traject.status == "afgewezen"
    assert Voorstel.objects.get(traject=traject).soort == "uitdaagrecht"
    assert not fasen.onvervuld(traject, "afwijzen")
