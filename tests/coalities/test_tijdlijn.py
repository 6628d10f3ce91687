"""The route's timeline: an inline SVG whose markers stand at their date between the route's
start and end, placed with SVG attributes (the CSP blocks inline ``style``), numbered like
the table below it; markers too close together take the next lane instead of covering
each other."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from coalities.models import Mijlpaal, Route
from coalities.selectors import BAAN_HOOGTE, BANEN, tijdlijn
from tests.coalities.test_aantal_queries import vullen


def _mijlpalen(*dagen: int) -> list[Mijlpaal]:
    return [Mijlpaal(titel=f"M{d}", datum=date(2030, 1, 1) + timedelta(days=d)) for d in dagen]


def test_plaats_tussen_begin_en_einde():
    route = Route(startdatum=date(2030, 1, 1), looptijd_maanden=10)  # 304 days
    items = list(tijdlijn(route=route, lijst=_mijlpalen(-30, 0, 152, 304, 400)))
    assert [i["x"] for i in items] == ["0%", "0%", "50%", "100%", "100%"]
    assert all(i["y"] for i in items)


def test_dichte_mijlpalen_op_een_eigen_baan():
    route = Route(startdatum=date(2030, 1, 1), looptijd_maanden=10)
    lijn = tijdlijn(route=route, lijst=_mijlpalen(0, 3, 6, 100, 200))
    ys = [i["y"] for i in lijn]
    assert ys[0] != ys[1] != ys[2] and ys[0] != ys[2]  # three at the start: three lanes
    assert ys[3] == ys[0] and ys[4] == ys[0]  # far apart: back on the first lane
    assert lijn.banen == 3 and lijn.as_y == 3 * BAAN_HOOGTE + 6 and lijn.getekend
    veel = tijdlijn(route=route, lijst=_mijlpalen(*[0] * 10))
    assert veel.banen == BANEN  # never higher than BANEN lanes


def test_zonder_begin_of_einde_geen_tekening():
    lijn = tijdlijn(route=Route(), lijst=_mijlpalen(0, 10))
    assert len(lijn) == 2 and not lijn.getekend
    assert not tijdlijn(route=None, lijst=[])


@pytest.mark.django_db
def test_tekening_op_de_routepagina_zonder_style(client, ambtenaar, initiatiefnemer, traject):
    from initiatieven.models import Horizon, Indicator

    horizon = Horizon.objects.create(traject=traject)
    Indicator.objects.create(horizon=horizon, naam="Bezoekers", eenheid="aantal")
    traject = vullen(traject, horizon, 3, initiatiefnemer)
    client.force_login(ambtenaar)
    html = client.get(reverse("coalities:route", kwargs={"pk": traject.pk})).content.decode()
    svg = re.search(r'<svg class="route-balk".*?</svg>', html, re.S).group(0)
    assert 'aria-hidden="true"' in svg and "style" not in svg
    assert re.findall(r'<circle cx="([\d.]+%)"', svg) == ["0%", "3%", "5%"]
    assert [n.strip() for n in re.findall(r"<text [^>]*central\">(\d+)</text>", svg)] == [
        "1",
        "2",
        "3",
    ]
    assert "2030</text>" in svg and "2032</text>" in svg  # start and end of the route
