"""Charts per indicator (server-rendered SVG with a table), the red/amber/green status, and a
bounded number of queries on the panel and pages."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluatie import grafieken
from evaluatie.constants import Voortgang
from evaluatie.models import Evaluatie, EvaluatieBijdrage, Evaluatiemoment, Meting
from evaluatie.panelen import paneel_evaluatie
from initiatieven.models import Indicator

D = datetime.date


def _ind(nul, streef, hoger=True):
    return Indicator(
        naam="x",
        eenheid="aantal",
        nulwaarde=Decimal(nul),
        streefwaarde=None if streef is None else Decimal(streef),
        hoger_is_beter=hoger,
    )


@pytest.mark.parametrize(
    "nul,streef,hoger,laatste,aandeel,status",
    [
        ("100", "300", True, "200", "0.5", Voortgang.GROEN),  # exactly on track
        ("100", "300", True, "181", "0.5", Voortgang.ORANJE),  # 81/100 of expected
        ("100", "300", True, "179", "0.5", Voortgang.ROOD),  # below 80%
        ("100", "300", True, "90", "0", Voortgang.ROOD),  # worse than the start
        ("100", "300", True, "100", "0", Voortgang.GROEN),
        ("40", "10", False, "25", "0.5", Voortgang.GROEN),  # lower is better: on track
        ("40", "10", False, "30", "0.5", Voortgang.ROOD),  # only 1/3 of the way
        ("40", "10", False, "28", "0.5", Voortgang.ORANJE),  # 12/15 = 0.8
        ("5", None, True, "6", "0.5", Voortgang.GROEN),
        ("5", None, False, "6", "0.5", Voortgang.ROOD),
        ("5", "10", True, None, "0.5", Voortgang.ONBEKEND),
    ],
)
def test_voortgang_status(nul, streef, hoger, laatste, aandeel, status):
    assert (
        grafieken.voortgang_status(
            indicator=_ind(nul, streef, hoger),
            laatste=None if laatste is None else Decimal(laatste),
            aandeel=Decimal(aandeel),
        )
        == status
    )


def test_verstreken_aandeel():
    start, einde = D(2027, 1, 1), D(2029, 1, 1)
    assert grafieken.verstreken_aandeel(start=start, einde=einde, dag=D(2026, 6, 1)) == 0
    assert grafieken.verstreken_aandeel(start=start, einde=einde, dag=D(2030, 1, 1)) == 1
    assert grafieken.verstreken_aandeel(start=start, einde=einde, dag=D(2028, 1, 1)) == Decimal(
        365
    ) / Decimal(731)


def _metingen(traject, indicatoren, aantal):
    """``aantal`` finished moments, each with a measurement per indicator."""
    for n in range(aantal):
        moment = Evaluatiemoment.objects.create(
            traject=traject,
            gepland_op=D(2026, 1, 1) + datetime.timedelta(days=n),
            status="afgerond",
        )
        bijdrage = EvaluatieBijdrage.objects.create(
            evaluatie=Evaluatie.objects.create(moment=moment, conclusie="doorgaan"),
            partij_soort="initiatief",
        )
        for ind in indicatoren:
            Meting.objects.create(
                bijdrage=bijdrage,
                indicator=ind,
                waarde=Decimal(100 + n),
                bron="Telling",
                gemeten_op=D(2027, 1, 1) + datetime.timedelta(days=n),
            )


def _paneel_html(traject, user):
    request = RequestFactory().get("/")
    request.user = user
    # In Dutch whatever an earlier request in this thread left active (a request in English
    # leaves its language on).
    from django.utils import translation

    from aanbesteden.permissions import traject_rollen

    with translation.override("nl"):
        ctx = paneel_evaluatie(request, traject, traject_rollen(user, traject))
        return render_to_string("evaluatie/_paneel.html", {"p": ctx}, request=request)


def test_paneel_toont_svg_en_tabel(eval_traject, ambtenaar, indicatoren):
    _metingen(eval_traject, indicatoren, 2)
    html = _paneel_html(eval_traject, ambtenaar)
    assert html.count('<svg role="img"') == 2
    assert "<title id=" in html and "<desc id=" in html
    assert "<script" not in html
    assert "<polyline" in html
    assert (
        'scope="col"' in html
        and ">101</td>" in html  # written as people read it: no ",00"
        and 'polyline points="' in html
        and ",00" not in html.split("<svg")[1].split("</svg>")[0].split("<desc")[0]
    )  # the numbers, also as a table
    # Status in words, not only in colour. Day 59 of 730: expected 100 + 200*59/730 ≈ 116.
    assert "Achter op schema" in html  # 101 for visitors is below 80% of the expected progress


def test_paneel_verborgen_buiten_evaluatie(traject, ambtenaar):
    request = RequestFactory().get("/")
    request.user = ambtenaar
    assert paneel_evaluatie(request, traject, frozenset()) is None


def _aantal_queries(func):
    with CaptureQueriesContext(connection) as q:
        func()
    return len(q.captured_queries)


@pytest.mark.parametrize("pagina", ["paneel", "momenten", "moment", "ical", "bijdrage"])
def test_begrensd_aantal_queries(
    client, eval_traject, ambtenaar, initiatiefnemer, indicatoren, pagina
):
    client.force_login(ambtenaar)
    client.post(reverse("evaluatie:agenda_vernieuwen"))
    ambtenaar.refresh_from_db()
    moment = eval_traject.evaluatiemomenten.filter(status="gepland").first()

    def bezoek():
        if pagina == "paneel":
            _paneel_html(eval_traject, ambtenaar)
        elif pagina == "ical":
            assert (
                client.get(
                    reverse("evaluatie:ical", kwargs={"sleutel": ambtenaar.ical_sleutel})
                ).status_code
                == 200
            )
        elif pagina == "bijdrage":
            client.force_login(initiatiefnemer)
            url = reverse("evaluatie:bijdrage", kwargs={"pk": eval_traject.pk, "moment": moment.pk})
            assert client.get(url).status_code == 200
        else:
            kw = {"pk": eval_traject.pk} | ({"moment": moment.pk} if pagina == "moment" else {})
            assert client.get(reverse(f"evaluatie:{pagina}", kwargs=kw)).status_code == 200

    def bijdragen(aantal):
        ev, _ = Evaluatie.objects.get_or_create(moment=moment)
        from coalities.models import Partner
        from tests.factories import UserFactory

        for n in range(aantal):
            partner = Partner.objects.create(
                traject=eval_traject,
                gebruiker=UserFactory(),
                organisatie=f"Org {n}",
                contactpersoon="C",
            )
            b = EvaluatieBijdrage.objects.create(
                evaluatie=ev, partij_soort="partner", partner=partner
            )
            for ind in indicatoren:
                Meting.objects.create(
                    bijdrage=b, indicator=ind, waarde=1, bron="b", gemeten_op=D(2027, 2, 1)
                )

    _metingen(eval_traject, indicatoren, 3)
    bijdragen(3)
    bezoek()
    weinig = _aantal_queries(bezoek)
    _metingen(eval_traject, indicatoren, 27)
    bijdragen(27)
    veel = _aantal_queries(bezoek)
    assert veel == weinig


def test_svg_coordinaten_zijn_getallen(eval_traject, ambtenaar, indicatoren):
    import re
    import xml.etree.ElementTree as ET

    _metingen(eval_traject, indicatoren, 3)
    html = _paneel_html(eval_traject, ambtenaar)
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    boom = ET.fromstring(svg)  # noqa: S314 - our own output, checked to be well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    punten = boom.find(f"{ns}polyline").get("points").split()
    assert len(punten) == 3
    for p in punten:
        x, y = (float(v) for v in p.split(","))
        assert 0 <= x <= 560 and 0 <= y <= 260
    ys = [float(p.split(",")[1]) for p in punten]
    assert ys[0] > ys[1] > ys[2]  # rising values are drawn higher
