"""Search finds a call by a word from its text: with PostgreSQL's Dutch full-text search in
production, with the plain fallback on SQLite. The public finds only what is public; a
gemeente's officials find their own trajecten, proposals and partners, never another
gemeente's. Bounded queries."""

from __future__ import annotations

import os

import pytest
from django.db import connection
from django.urls import reverse

from coalities.models import Partner
from initiatieven.constants import OpgaveStatus
from initiatieven.models import Voorstel
from tests.initiatieven.factories import opgave_maken, voorstel_compleet


@pytest.fixture
def ingediend(traject):
    from django.utils import timezone

    from aanbesteden.constants import TrajectStatus
    from aanbesteden.models import Traject

    voorstel_compleet(traject)
    Voorstel.objects.filter(traject=traject).update(ingediend_op=timezone.now())
    Traject.objects.filter(pk=traject.pk).update(status=TrajectStatus.INGEDIEND)
    return Traject.objects.get(pk=traject.pk)


@pytest.fixture
def voorstel(ingediend):
    return Voorstel.objects.get(traject=ingediend)


IS_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def _zoek(client, tekst, url=None):
    return client.get(url or reverse("overzicht:zoeken"), {"q": tekst})


def _vindt_opgave(client, gemeente):
    opgave_maken(gemeente, titel="Beheer van het buurthuis")
    opgave = opgave_maken(gemeente, titel="Speeltuin aan de haven")
    opgave.omschrijving = "De gemeente zoekt bewoners die de speeltuinen onderhouden."
    opgave.save()
    opgave_maken(gemeente, titel="Geheim concept over speeltuinen", status=OpgaveStatus.CONCEPT)
    html = _zoek(client, "speeltuinen").content.decode()
    assert "Speeltuin aan de haven" in html
    assert "Beheer van het buurthuis" not in html
    assert "Geheim concept" not in html  # a draft is not public
    return html


@pytest.mark.skipif(IS_POSTGRES, reason="the SQLite fallback; PostgreSQL is tested below")
def test_vindt_opgave_op_woord_uit_tekst_sqlite(client, gemeente):
    assert connection.vendor == "sqlite"
    _vindt_opgave(client, gemeente)


@pytest.mark.postgres
@pytest.mark.skipif(not IS_POSTGRES, reason="needs PostgreSQL: set DATABASE_URL=postgres://…")
def test_vindt_opgave_op_woord_uit_tekst_postgres(client, gemeente):
    assert connection.vendor == "postgresql"
    _vindt_opgave(client, gemeente)
    # The Dutch configuration stems: "speeltuin" finds "speeltuinen", "onderhoud" finds
    # "onderhouden".
    html = _zoek(client, "onderhoud speeltuin").content.decode()
    assert "Speeltuin aan de haven" in html


def test_publiek_alleen_openbaar(client, ingediend, voorstel, initiatiefnemer):
    assert voorstel.openbare_url() not in _zoek(client, ingediend.titel).content.decode()
    Voorstel.objects.filter(pk=voorstel.pk).update(openbaar=True)
    html = _zoek(client, ingediend.titel).content.decode()
    assert voorstel.openbare_url() in html


def test_ambtenaar_zoekt_eigen_trajecten_voorstellen_en_partners(
    client, ingediend, voorstel, ambtenaar, ambtenaar_b, partner, gemeente
):
    Partner.objects.create(
        traject=ingediend, gebruiker=partner, organisatie="Sportclub Vooruit", contactpersoon="X"
    )
    url = reverse("overzicht:zoeken_gemeente", kwargs={"gemeente": gemeente.slug})
    client.force_login(ambtenaar)
    html = _zoek(client, "Vooruit", url).content.decode()
    assert "Sportclub Vooruit" in html
    html = _zoek(client, ingediend.titel, url).content.decode()
    assert ingediend.get_absolute_url() in html
    assert reverse("initiatieven:voorstel", kwargs={"pk": ingediend.pk}) in html  # not public
    client.force_login(ambtenaar_b)
    assert _zoek(client, "Vooruit", url).status_code == 403


def test_foute_invoer(client):
    assert _zoek(client, "x" * 201).status_code == 400
    assert _zoek(client, "  !! ").status_code == 400
    assert client.get(reverse("overzicht:zoeken")).status_code == 200


def test_begrensd(client, gemeente, ambtenaar, django_assert_max_num_queries):
    from tests.factories import TrajectFactory, UserFactory

    for i in range(30):
        opgave_maken(gemeente, titel=f"Groen {i}")
        traject = TrajectFactory(
            gemeente=gemeente, initiatiefnemer=UserFactory(), titel=f"Groen traject {i}"
        )
        voorstel_compleet(traject)
    with django_assert_max_num_queries(8):
        html = _zoek(client, "groen").content.decode()
    assert html.count("Groen ") >= 20
    client.force_login(ambtenaar)
    url = reverse("overzicht:zoeken_gemeente", kwargs={"gemeente": gemeente.slug})
    with django_assert_max_num_queries(20):
        assert _zoek(client, "groen", url).status_code == 200
