"""Dashboard, list, exports and register run the same number of SQL queries with 10 and
with 2,000 trajecten."""

from __future__ import annotations

import itertools
from datetime import timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aanbesteden.models import Traject
from tests.factories import UserFactory

from .factories import initiatief_maken

STATUSSEN = ["concept", "ingediend", "horizon", "route", "overdracht", "evaluatie", "verankerd"]


def bijmaken(gemeente, aantal: int, partner_gebruiker, start: int) -> None:
    """``aantal`` trajecten in every state, with proposal, horizon, indicators, partner,
    tranche and evaluation moment, all by bulk_create."""
    from coalities.models import Partner, Tranche
    from evaluatie.models import Evaluatiemoment
    from initiatieven.models import Horizon, Indicator, Voorstel

    vandaag = timezone.localdate()
    initiatief = initiatief_maken(naam=f"Initiatief {start}")
    statussen = itertools.cycle(STATUSSEN)
    trajecten = Traject.objects.bulk_create(
        [
            Traject(
                gemeente=gemeente,
                titel=f"Traject {start + i}",
                thema=f"thema {i % 5}",
                wijk=f"wijk {i % 7}",
                status=next(statussen),
            )
            for i in range(aantal)
        ]
    )
    if not all(t.pk for t in trajecten):  # databases without RETURNING ids
        trajecten = list(Traject.objects.filter(gemeente=gemeente, titel__startswith="Traject "))
        trajecten = [t for t in trajecten if int(t.titel.split()[-1]) >= start]
    Voorstel.objects.bulk_create(
        [
            Voorstel(
                traject=t,
                initiatief=initiatief,
                soort="uitdaagrecht",
                taak="Taak",
                beslissen_voor=vandaag + timedelta(days=i % 30 - 10),
            )
            for i, t in enumerate(trajecten)
        ]
    )
    horizons = Horizon.objects.bulk_create([Horizon(traject=t) for t in trajecten])
    if not all(h.pk for h in horizons):
        horizons = list(Horizon.objects.filter(traject__in=trajecten))
    Indicator.objects.bulk_create(
        [
            Indicator(horizon=h, naam=f"Indicator {n}", eenheid="aantal", streefwaarde=10)
            for h in horizons
            for n in range(2)
        ]
    )
    overgedragen = [t for t in trajecten if t.status in ("overdracht", "evaluatie", "verankerd")]
    Partner.objects.bulk_create(
        [
            Partner(
                traject=t,
                gebruiker=partner_gebruiker,
                organisatie="Partner BV",
                contactpersoon="Iemand",
                publiceren=True,
            )
            for t in overgedragen
        ]
    )
    Tranche.objects.bulk_create(
        [
            Tranche(
                traject=t,
                omschrijving="Eerste tranche",
                bedrag=Decimal("1000"),
                vorm="subsidie",
                datum=vandaag,
            )
            for t in overgedragen
        ]
    )
    Evaluatiemoment.objects.bulk_create(
        [
            Evaluatiemoment(traject=t, gepland_op=vandaag + timedelta(days=i % 20 - 5))
            for i, t in enumerate(trajecten)
            if t.status == "evaluatie"
        ]
    )


def _tel(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return len(ctx.captured_queries)


def test_zelfde_aantal_queries_bij_10_en_2000(client, gemeente, ambtenaar, settings):
    settings.CONCEPT_STIL_DAGEN = 0  # every concept counts as stalled: the list is full
    partner = UserFactory(email="bulkpartner@example.org")
    kw = {"gemeente": gemeente.slug}
    paginas = [
        (reverse("overzicht:dashboard", kwargs=kw), None, True),
        (
            reverse("overzicht:dashboard", kwargs=kw),
            {"zoek": "Traject", "sortering": "evaluatie"},
            True,
        ),
        (reverse("overzicht:dashboard", kwargs=kw), {"status": "evaluatie", "pagina": "2"}, True),
        (reverse("overzicht:trajecten_csv", kwargs=kw), None, True),
        (reverse("overzicht:register", kwargs=kw), None, False),
        (reverse("overzicht:register_json", kwargs=kw), None, False),
        (reverse("overzicht:register_csv", kwargs=kw), None, False),
        (reverse("overzicht:rapport", kwargs=kw), None, True),
    ]
    bijmaken(gemeente, 10, partner, 0)
    client.force_login(ambtenaar)
    for url, params, _ in paginas:  # warm the content-type cache
        _tel(client, url, params)
    klein = [_tel(client, url, params) for url, params, _ in paginas]
    bijmaken(gemeente, 1990, partner, 10)
    assert Traject.objects.filter(gemeente=gemeente).count() == 2000
    groot = [_tel(client, url, params) for url, params, _ in paginas]
    assert groot == klein
    assert max(groot) < 40
    dashboard = [n for n, (url, _p, _i) in zip(groot, paginas, strict=True) if "dashboard" in url]
    assert max(dashboard) <= 20, dashboard  # with every to-do list full
