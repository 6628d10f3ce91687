"""The traject page with the coalition and route panels, and the coalition and route pages,
run the same number of queries for 3 and for 20 partners and milestones."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanbesteden.constants import TrajectStatus
from coalities import services
from coalities.models import Begrotingspost, Inzet, Mijlpaal, Partner, RouteAkkoord, Tranche
from initiatieven.models import Indicator
from tests.coalities.factories import in_status, partner_maken

pytestmark = pytest.mark.django_db


def vullen(traject, horizon, aantal: int, initiatiefnemer):
    """``aantal`` partners, milestones, contributions, budget lines, tranches, agreements."""
    traject = in_status(traject, TrajectStatus.COALITIE)
    indicator = Indicator.objects.filter(horizon=horizon).first()
    partners = [partner_maken(traject, f"p{i}@example.org", f"Partner {i}") for i in range(aantal)]
    for i in range(aantal):
        services._uitnodiging_maken(
            traject=traject,
            door=None,
            email=f"open{i}@example.org",
            naam="",
            organisatie="",
            bericht="",
        )
    traject = in_status(traject, TrajectStatus.ROUTE)
    route = services.route_ophalen_of_maken(traject)
    # Version 1 asked for agreement, so that the page reads the agreements too.
    route.startdatum, route.looptijd_maanden, route.versie = date(2030, 1, 1), 24, 1
    route.save()
    for i, partner in enumerate(partners):
        m = Mijlpaal.objects.create(
            traject=traject,
            titel=f"Mijlpaal {i}",
            datum=date(2030, 1, 1) + timedelta(days=20 * i),
            indicator=indicator,
            verantwoordelijke_soort="partner",
            verantwoordelijke_partner=partner,
        )
        Inzet.objects.create(
            traject=traject,
            partij_soort="partner",
            partner=partner,
            soort="uren",
            hoeveelheid=Decimal(i + 1),
            eenheid="uur",
            mijlpaal=m,
        )
        Inzet.objects.create(
            traject=traject,
            partij_soort="partner",
            partner=partner,
            soort="geld",
            hoeveelheid=Decimal(100),
            eenheid="euro",
        )
        Begrotingspost.objects.create(
            traject=traject, soort="kosten", omschrijving=f"Kosten {i}", bedrag=Decimal(100)
        )
        Tranche.objects.create(
            traject=traject,
            mijlpaal=m,
            omschrijving=f"Tranche {i}",
            bedrag=Decimal(10),
            vorm="subsidie",
            datum=m.datum,
        )
        RouteAkkoord.objects.create(
            route=route, versie=route.versie, partij_soort="partner", partner=partner
        )
    return traject


def aantal_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        antwoord = client.get(url)
    assert antwoord.status_code == 200
    return len(ctx.captured_queries)


PAGINAS = ["aanbesteden:traject", "coalities:route", "coalities:coalitie"]


@pytest.mark.parametrize("rol", ["ambtenaar", "initiatiefnemer", "partner"])
def test_begrensd_aantal_queries(client, gemeente, ambtenaar, initiatiefnemer, rol):
    from initiatieven.models import Horizon
    from tests.factories import TrajectFactory, UserFactory

    metingen = {pagina: [] for pagina in PAGINAS}
    for aantal in (3, 20):
        ini = initiatiefnemer if aantal == 3 else UserFactory(email="ini20@example.org")
        traject = TrajectFactory(gemeente=gemeente, initiatiefnemer=ini, titel=f"T{aantal}")
        horizon = Horizon.objects.create(traject=traject)
        Indicator.objects.create(horizon=horizon, naam="Bezoekers", eenheid="aantal")
        traject = vullen(traject, horizon, aantal, ini)
        gebruiker = {
            "ambtenaar": ambtenaar,
            "initiatiefnemer": ini,
            "partner": Partner.objects.filter(traject=traject).first().gebruiker,
        }[rol]
        client.force_login(gebruiker)
        for pagina in PAGINAS:
            url = reverse(pagina, kwargs={"pk": traject.pk})
            inhoud = client.get(url).content.decode()
            assert f"Partner {aantal - 1}" in inhoud
            metingen[pagina].append(aantal_queries(client, url))
    for pagina, (bij_3, bij_20) in metingen.items():
        assert bij_3 == bij_20, (pagina, bij_3, bij_20)


def test_panelen_op_de_trajectpagina(
    client, gemeente, ambtenaar, initiatiefnemer, traject, horizon
):
    traject = vullen(traject, horizon, 3, initiatiefnemer)
    client.force_login(ambtenaar)
    inhoud = client.get(traject.get_absolute_url()).content.decode()
    # Matrix: a real table with parties as row headers and a totals row.
    assert "Inzet per partij en soort" in inhoud
    assert '<th scope="row" class="utrecht-table__header-cell">Partner 2</th>' in inhoud
    assert "Totaal" in inhoud and "6 uur" in inhoud and "300 euro" in inhoud
    # Timeline: a CSS list hidden from screen readers, and the table underneath.
    assert 'class="route-tijdlijn" aria-hidden="true"' in inhoud
    assert "Mijlpalen van de route, op datum" in inhoud
    assert "Bezoekers" in inhoud
    # Coalition panel with link to the management page.
    assert reverse("coalities:coalitie", kwargs={"pk": traject.pk}) in inhoud
    assert "<script" not in inhoud.split("</head>")[1]
