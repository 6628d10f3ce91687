"""Lists run a bounded number of SQL queries, whatever the number of rows."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanbesteden.models import Traject

from .factories import opgave_maken, voorstel_compleet


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        antwoord = client.get(url)
    assert antwoord.status_code == 200
    return len(ctx.captured_queries)


def test_openbare_opgavenlijst(client, gemeente):
    url = reverse("initiatieven:gemeente", kwargs={"gemeente": gemeente.slug})
    for i in range(3):
        opgave_maken(gemeente, titel=f"Opgave {i}")
    weinig = queries(client, url)
    for i in range(3, 30):
        opgave_maken(gemeente, titel=f"Opgave {i}")
    veel = queries(client, url)
    assert weinig == veel
    assert client.get(url).content.decode().count("/opgaven/") >= 30


def _voorstellen(gemeente, maak_traject, aantal, opgave):
    for i in range(aantal):
        traject = maak_traject(gemeente, status="ingediend")
        voorstel = voorstel_compleet(traject, opgave=opgave if i % 2 else None)
        voorstel.beslissen_voor = traject.created_at.date()
        voorstel.save()


def test_voorstellenlijst_ambtenaren(client, gemeente, ambtenaar, maak_traject):
    opgave = opgave_maken(gemeente)
    client.force_login(ambtenaar)
    url = reverse("initiatieven:voorstellen", kwargs={"gemeente": gemeente.slug})
    _voorstellen(gemeente, maak_traject, 3, opgave)
    weinig = queries(client, url)
    _voorstellen(gemeente, maak_traject, 20, opgave)
    veel = queries(client, url)
    assert weinig == veel
    assert Traject.objects.filter(gemeente=gemeente, status="ingediend").count() == 23


def test_opgavenbeheer_en_vergelijking(client, gemeente, ambtenaar, maak_traject):
    opgave = opgave_maken(gemeente)
    client.force_login(ambtenaar)
    beheer = reverse("initiatieven:opgaven_beheer", kwargs={"gemeente": gemeente.slug})
    vergelijk = reverse(
        "initiatieven:vergelijken", kwargs={"gemeente": gemeente.slug, "pk": opgave.pk}
    )
    _voorstellen(gemeente, maak_traject, 4, opgave)
    queries(client, vergelijk)  # a first visit warms what is cached
    weinig = (queries(client, beheer), queries(client, vergelijk))
    for i in range(10):
        opgave_maken(gemeente, titel=f"Extra {i}")
    _voorstellen(gemeente, maak_traject, 12, opgave)
    assert (queries(client, beheer), queries(client, vergelijk)) == weinig


def test_trajectpagina_met_panelen(client, traject, ambtenaar):
    from initiatieven.models import Horizon, Indicator

    voorstel_compleet(traject)
    Traject.objects.filter(pk=traject.pk).update(status="horizon")
    horizon = Horizon.objects.create(traject=traject, ambitie="Groen")
    client.force_login(ambtenaar)
    url = reverse("aanbesteden:traject", kwargs={"pk": traject.pk})
    Indicator.objects.create(horizon=horizon, naam="A", eenheid="x")
    weinig = queries(client, url)
    for i in range(10):
        Indicator.objects.create(horizon=horizon, naam=f"I{i}", eenheid="x")
    assert queries(client, url) == weinig
    pagina = client.get(url).content.decode()
    assert reverse("initiatieven:horizon", kwargs={"pk": traject.pk}) in pagina
    assert reverse("initiatieven:voorstel", kwargs={"pk": traject.pk}) in pagina
