"""My page: an initiative member's or partner's trajecten, what is asked of them now and
their open invitations."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from aanbesteden.models import Traject
from tests.factories import TrajectFactory

from .factories import horizon_maken, moment_maken, ondertekening_maken, versie_maken


def test_wat_gevraagd_wordt(traject, initiatiefnemer, partner, ander_traject, vandaag, client):
    from coalities.models import Uitnodiging

    Traject.objects.filter(pk=traject.pk).update(status="horizon")
    horizon_maken(traject)
    horizon_maken(ander_traject)
    versie = versie_maken(traject)
    ondertekening_maken(versie, initiatiefnemer, partij="initiatief", namens="Initiatief")
    in_evaluatie = TrajectFactory(
        gemeente=traject.gemeente, initiatiefnemer=initiatiefnemer, status="evaluatie"
    )
    moment_maken(in_evaluatie, vandaag + timedelta(days=3))
    moment_maken(traject, vandaag + timedelta(days=3))  # not in evaluatie: nothing asked
    nieuw = TrajectFactory(gemeente=traject.gemeente, titel="Nieuw speelveld")
    Uitnodiging.objects.create(
        traject=nieuw,
        email=initiatiefnemer.email.upper(),
        token_hash="u" * 64,
        verloopt_op=timezone.now() + timedelta(days=5),
        verzonden_op=timezone.now(),
    )
    Uitnodiging.objects.create(
        traject=nieuw,
        email="iemand-anders@example.org",
        token_hash="v" * 64,
        verloopt_op=timezone.now() + timedelta(days=5),
        verzonden_op=timezone.now(),
    )
    client.force_login(initiatiefnemer)
    response = client.get(reverse("overzicht:mijn_trajecten"))
    assert response.status_code == 200
    gevraagd = response.context["gevraagd"]
    assert [h.traject for h in gevraagd["horizon"]] == [traject]
    assert [o.versie.traject for o in gevraagd["tekenen"]] == [traject]
    assert [m.traject for m in gevraagd["evaluaties"]] == [in_evaluatie]
    assert [u.traject for u in gevraagd["uitnodigingen"]] == [nieuw]
    html = response.content.decode()
    assert "Nieuw speelveld" in html and "Ander traject" not in html

    # The partner is not the initiative: no horizon approval, no signature asked.
    client.force_login(partner)
    gevraagd = client.get(reverse("overzicht:mijn_trajecten")).context["gevraagd"]
    assert gevraagd["horizon"] == [] and gevraagd["tekenen"] == []
    assert gevraagd["evaluaties"] == []  # not a partner of the traject in evaluatie


def test_mijn_pagina_begrensd_aantal_queries(gemeente, initiatiefnemer, vandaag, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def bij(aantal):
        for _ in range(aantal):
            t = TrajectFactory(gemeente=gemeente, initiatiefnemer=initiatiefnemer, status="horizon")
            horizon_maken(t)
            e = TrajectFactory(
                gemeente=gemeente, initiatiefnemer=initiatiefnemer, status="evaluatie"
            )
            moment_maken(e, vandaag + timedelta(days=2))

    bij(3)
    client.force_login(initiatiefnemer)
    url = reverse("overzicht:mijn_trajecten")
    client.get(url)
    with CaptureQueriesContext(connection) as klein:
        client.get(url)
    bij(27)
    with CaptureQueriesContext(connection) as groot:
        response = client.get(url)
    assert len(response.context["gevraagd"]["horizon"]) == 30
    assert len(groot) == len(klein)
