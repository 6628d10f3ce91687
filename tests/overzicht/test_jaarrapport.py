"""The participation report: the year's figures for one gemeente, as a page and a PDF/UA."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pypdf
import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django_fsm_log.models import StateLog

from overzicht.selectors.rapport import jaarcijfers
from tests.factories import TrajectFactory

from .factories import horizon_maken, voorstel_maken

TZ = ZoneInfo("Europe/Amsterdam")


def _log(traject, transitie, jaar):
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(traject),
        object_id=traject.pk,
        state="x",
        transition=transitie,
        timestamp=datetime(jaar, 6, 1, 12, tzinfo=TZ),
    )


@pytest.fixture
def jaar_wereld(gemeente, andere_gemeente):
    from coalities.models import Tranche
    from evaluatie.models import Evaluatie, EvaluatieBijdrage, Evaluatiemoment, Meting

    def voorstel(g, besluit, jaar):
        t = TrajectFactory(gemeente=g, status="evaluatie")
        voorstel_maken(
            t,
            ingediend_op=datetime(jaar, 2, 1, tzinfo=TZ),
            besluit=besluit,
            besluit_op=datetime(jaar, 4, 1, tzinfo=TZ) if besluit else None,
        )
        return t

    a1 = voorstel(gemeente, "toegelaten", 2025)
    voorstel(gemeente, "afgewezen", 2025)
    voorstel(gemeente, "", 2025)
    voorstel(gemeente, "toegelaten", 2024)
    voorstel(andere_gemeente, "toegelaten", 2025)
    _log(a1, "naar_evaluatie", 2025)
    _log(a1, "verankeren", 2025)
    _log(TrajectFactory(gemeente=gemeente), "beeindigen", 2025)
    _log(TrajectFactory(gemeente=gemeente), "beeindigen", 2024)
    _log(TrajectFactory(gemeente=andere_gemeente), "verankeren", 2025)
    for d, bedrag in (
        (date(2025, 3, 1), "1500.25"),
        (date(2025, 9, 1), "500"),
        (date(2024, 1, 1), "9"),
    ):
        Tranche.objects.create(
            traject=a1, omschrijving="t", bedrag=Decimal(bedrag), vorm="subsidie", datum=d
        )
    horizon = horizon_maken(a1, indicatoren=2)
    ind = list(horizon.indicatoren.all())
    moment = Evaluatiemoment.objects.create(traject=a1, gepland_op=date(2025, 6, 1))
    bijdrage = EvaluatieBijdrage.objects.create(
        evaluatie=Evaluatie.objects.create(moment=moment), partij_soort="initiatief"
    )
    Meting.objects.create(
        bijdrage=bijdrage, indicator=ind[0], waarde=250, bron="telling", gemeten_op=date(2025, 6, 1)
    )
    Meting.objects.create(
        bijdrage=bijdrage, indicator=ind[1], waarde=150, bron="telling", gemeten_op=date(2025, 6, 1)
    )
    return a1


def test_jaarcijfers(jaar_wereld, gemeente):
    c = jaarcijfers(gemeente=gemeente, jaar=2025)
    assert (c["ontvangen"], c["toegelaten"], c["afgewezen"]) == (3, 1, 1)
    assert (c["overgedragen"], c["verankerd"], c["beeindigd"]) == (1, 1, 1)
    assert c["geld"] == Decimal("2000.25")
    assert [i["behaald"] for i in c["indicatoren"]] == [True, False]
    assert c["indicatoren_behaald"] == 1
    c24 = jaarcijfers(gemeente=gemeente, jaar=2024)
    assert (c24["ontvangen"], c24["beeindigd"], c24["geld"]) == (1, 1, Decimal("9"))


def test_rapport_pagina_en_pdf(jaar_wereld, gemeente, ambtenaar, client):
    client.force_login(ambtenaar)
    kw = {"gemeente": gemeente.slug}
    pagina = client.get(reverse("overzicht:rapport", kwargs=kw), {"jaar": "2025"})
    assert pagina.status_code == 200
    assert "2.000,25" in pagina.content.decode() or "2,000.25" in pagina.content.decode()
    assert client.get(reverse("overzicht:rapport", kwargs=kw), {"jaar": "abc"}).status_code == 400
    assert client.get(reverse("overzicht:rapport", kwargs=kw), {"jaar": "3000"}).status_code == 400
    response = client.get(reverse("overzicht:rapport_pdf", kwargs={**kw, "jaar": 2025}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = pypdf.PdfReader(io.BytesIO(response.content))
    tekst = "".join(p.extract_text() for p in pdf.pages)
    assert "2025" in tekst and "Gemeente A" in tekst
    assert "/StructTreeRoot" in pdf.trailer["/Root"]  # tagged (PDF/UA)
    assert pdf.metadata.title


def test_rapport_andere_gemeente_403(gemeente, ambtenaar_b, client):
    client.force_login(ambtenaar_b)
    kw = {"gemeente": gemeente.slug}
    assert client.get(reverse("overzicht:rapport", kwargs=kw)).status_code == 403
    assert (
        client.get(reverse("overzicht:rapport_pdf", kwargs={**kw, "jaar": 2025})).status_code == 403
    )
