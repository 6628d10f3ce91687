"""After a traject ends early, the phase bar still shows the phases it reached."""

import pytest

from aanbesteden.models import Traject
from aanbesteden.selectors import fase_voortgang
from aanbesteden.services import traject_transitie

pytestmark = pytest.mark.django_db


def _stap(traject, transitie, door):
    return traject_transitie(
        traject=Traject.objects.get(pk=traject.pk),
        transitie=transitie,
        door=door,
        motivatie="Zo besloten.",
        controleer_rechten=False,
    )


def test_ingetrokken_in_de_coalitiefase_toont_twee_bereikte_fasen(
    client, traject, ambtenaar, geen_vereisten
):
    for transitie in ("indienen", "toelaten", "naar_coalitie", "intrekken"):
        _stap(traject, transitie, ambtenaar)
    traject = Traject.objects.get(pk=traject.pk)
    assert traject.status == "ingetrokken"
    stappen = fase_voortgang(traject=traject)
    assert [s["stand"] for s in stappen] == ["klaar", "klaar", "later", "later", "later"]
    assert [s["gestopt"] for s in stappen] == [False, True, False, False, False]
    client.force_login(ambtenaar)
    html = client.get(traject.get_absolute_url()).content.decode()
    assert "Bereikt, hier gestopt:" in html


def test_afgewezen_voor_de_eerste_fase_toont_niets_bereikt(traject, ambtenaar, geen_vereisten):
    for transitie in ("indienen", "afwijzen"):
        _stap(traject, transitie, ambtenaar)
    stappen = fase_voortgang(traject=Traject.objects.get(pk=traject.pk))
    assert {s["stand"] for s in stappen} == {"later"}
