"""The officials' dashboard: counts per phase and what needs the gemeente now, right for a
seeded set, per gemeente, and nothing of another gemeente."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from overzicht.selectors import dashboard as selectors
from tests.factories import TrajectFactory

from .factories import (
    horizon_maken,
    moment_maken,
    ondertekening_maken,
    route_maken,
    versie_maken,
    voorstel_maken,
)


def _wereld(gemeente, ambtenaar, vandaag, prefix):
    t = {}

    def maak(naam, status):
        t[naam] = TrajectFactory(gemeente=gemeente, status=status, titel=f"{prefix} {naam}")
        return t[naam]

    voorstel_maken(maak("termijn_bijna", "ingediend"), beslissen_voor=vandaag + timedelta(days=5))
    voorstel_maken(maak("termijn_verlopen", "ingediend"), beslissen_voor=vandaag - timedelta(3))
    voorstel_maken(maak("termijn_ver", "ingediend"), beslissen_voor=vandaag + timedelta(days=60))
    horizon_maken(maak("horizon_open", "horizon"))
    horizon_maken(maak("horizon_akkoord", "horizon"), akkoord_gemeente=True)
    route_maken(maak("route_open", "route"))
    oud = route_maken(maak("route_oude_versie", "route"), akkoord_gemeente=True)
    oud.versie = 2
    oud.save()
    route_maken(maak("route_akkoord", "route"), akkoord_gemeente=True)
    ondertekening_maken(versie_maken(maak("tekenen_open", "overdracht")), ambtenaar)
    ondertekening_maken(versie_maken(maak("tekenen_klaar", "overdracht")), ambtenaar, getekend=True)
    ondertekening_maken(
        versie_maken(maak("tekenen_vervangen", "overdracht"), status="vervangen"), ambtenaar
    )
    ev = maak("evaluatie", "evaluatie")
    moment_maken(ev, vandaag + timedelta(days=10))
    moment_maken(ev, vandaag - timedelta(days=2))
    moment_maken(ev, vandaag + timedelta(days=40))
    moment_maken(ev, vandaag - timedelta(days=100), status="afgerond")
    moment_maken(t["route_open"], vandaag)  # back in route (bijsturen): not due now
    stil = maak("concept_stil", "concept")
    type(stil).objects.filter(pk=stil.pk).update(updated_at=timezone.now() - timedelta(days=40))
    maak("concept_vers", "concept")
    return t


@pytest.fixture
def wereld(gemeente, andere_gemeente, ambtenaar, ambtenaar_b, vandaag, settings):
    settings.CONCEPT_STIL_DAGEN = 30
    a = _wereld(gemeente, ambtenaar, vandaag, "A")
    b = _wereld(andere_gemeente, ambtenaar_b, vandaag, "B")
    return a, b


def test_tellingen_per_fase(wereld, gemeente):
    tellingen = {t["status"]: t["aantal"] for t in selectors.fase_tellingen(gemeente=gemeente)}
    assert tellingen["ingediend"] == 3
    assert tellingen["horizon"] == 2
    assert tellingen["route"] == 3
    assert tellingen["overdracht"] == 3
    assert tellingen["evaluatie"] == 1
    assert tellingen["concept"] == 2
    assert tellingen["verankerd"] == 0
    assert sum(tellingen.values()) == 14


def test_takenlijst_per_soort(wereld, gemeente):
    a, _b = wereld
    taken = selectors.takenlijst(gemeente=gemeente)
    # Every submitted proposal waits for a decision: new ones (term far off) too.
    assert [v.traject for v in taken["voorstellen"]] == [
        a["termijn_verlopen"],
        a["termijn_bijna"],
        a["termijn_ver"],
    ]
    assert [v.bijna for v in taken["voorstellen"]] == [True, True, False]
    assert [h.traject for h in taken["horizon"]] == [a["horizon_open"]]
    assert {r.traject for r in taken["routes"]} == {a["route_open"], a["route_oude_versie"]}
    assert [o.versie.traject for o in taken["tekenen"]] == [a["tekenen_open"]]
    assert [m.gepland_op for m in taken["evaluaties"]] == sorted(
        m.gepland_op for m in taken["evaluaties"]
    )
    assert len(taken["evaluaties"]) == 2
    assert list(taken["concepten"]) == [a["concept_stil"]]
    assert [lijst.taak.code for lijst in taken.lijsten] == [
        "voorstellen",
        "horizon",
        "routes",
        "tekenen",
        "evaluaties",
        "concepten",
    ]
    assert taken.totaal == 3 + 1 + 2 + 1 + 2 + 1


def test_dashboard_toont_alleen_de_eigen_gemeente(wereld, gemeente, ambtenaar, client):
    client.force_login(ambtenaar)
    response = client.get(reverse("overzicht:dashboard", kwargs={"gemeente": gemeente.slug}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "A termijn_verlopen" in html
    assert "A termijn_ver" in html.split('id="kop-lijst"')[0]  # a new proposal, in the tasks
    assert "A concept_stil" in html
    for naam in wereld[1]:
        assert f"B {naam}" not in html


def test_dashboard_andere_gemeente_403(gemeente, ambtenaar_b, initiatiefnemer, client):
    url = reverse("overzicht:dashboard", kwargs={"gemeente": gemeente.slug})
    client.force_login(ambtenaar_b)
    assert client.get(url).status_code == 403
    client.force_login(initiatiefnemer)
    assert client.get(url).status_code == 403


def test_lijst_zoeken_filteren_sorteren(wereld, gemeente, ambtenaar, client):
    client.force_login(ambtenaar)
    url = reverse("overzicht:dashboard", kwargs={"gemeente": gemeente.slug})
    html = client.get(url, {"zoek": "route", "sortering": "-titel"}).content.decode()
    assert html.index("A route_open") < html.index("A route_akkoord")
    assert "A horizon_open" not in html.split('id="kop-lijst"')[1]
    html = client.get(url, {"termijn": "beslissen_verlopen"}).content.decode()
    lijst = html.split('id="kop-lijst"')[1]
    assert "A termijn_verlopen" in lijst and "A termijn_bijna" not in lijst
    # A tampered filter falls back to "all" instead of an error.
    assert client.get(url, {"status": "bestaat-niet", "opgave": "x"}).status_code == 200


def test_export_csv_en_excel(wereld, gemeente, ambtenaar, client):
    import csv
    import io

    client.force_login(ambtenaar)
    kw = {"gemeente": gemeente.slug}
    response = client.get(reverse("overzicht:trajecten_csv", kwargs=kw), {"status": "horizon"})
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rijen[0][:2] == ["id", "titel"]
    assert sorted(r[1] for r in rijen[1:]) == ["A horizon_akkoord", "A horizon_open"]
    response = client.get(reverse("overzicht:trajecten_excel", kwargs=kw))
    tekst = response.content.decode("utf-8")
    assert tekst.startswith("\ufeff")
    rijen = list(csv.reader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=";"))
    assert len(rijen) == 1 + 14
    assert not any(r[1].startswith("B ") for r in rijen[1:])
