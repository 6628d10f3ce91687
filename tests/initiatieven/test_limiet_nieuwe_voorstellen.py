"""New proposals, through both entries (an answer to a call, the right to challenge), are
limited per e-mail address and per client: over the limit the 429 page, no traject, no
account and no mail."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from aanbesteden.models import Traject, User
from initiatieven.models import Voorstel

NU = dt.datetime(2030, 3, 4, 10, 0, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def klok():
    with time_machine.travel(NU, tick=False) as klok:
        yield klok


@pytest.fixture(params=["opgave", "uitdaagrecht"])
def ingang(request, gemeente, opgave):
    """The URL of one entry and the extra field it asks."""
    if request.param == "opgave":
        url = reverse(
            "initiatieven:opgave_voorstel_starten",
            kwargs={"gemeente": gemeente.slug, "opgave": opgave.pk},
        )
        return url, {}
    url = reverse("initiatieven:uitdaagrecht_starten", kwargs={"gemeente": gemeente.slug})
    return url, {"taak": "Het beheer van het wijkpark"}


def starten(client, capture, ingang, email, titel, **meta):
    url, extra = ingang
    data = {"email": email, "initiatief_naam": "Buurtvereniging", "titel": titel, **extra}
    with capture(execute=True):
        return client.post(url, data, **meta)


@pytest.mark.django_db
def test_tiende_voorstel_voor_een_adres_krijgt_429_en_maakt_niets(
    client, ingang, django_capture_on_commit_callbacks
):
    statussen = [
        starten(
            client,
            django_capture_on_commit_callbacks,
            ingang,
            "vreemde@example.org",
            f"Voorstel {i}",
            REMOTE_ADDR=f"198.51.100.{i + 1}",
        ).status_code
        for i in range(10)
    ]
    assert statussen == [302] * 3 + [429] * 7
    assert Traject.objects.filter(titel__startswith="Voorstel ").count() == 3
    assert Voorstel.objects.filter(traject__titel__startswith="Voorstel ").count() == 3
    assert len([m for m in mail.outbox if m.to == ["vreemde@example.org"]]) == 3
    assert User.objects.filter(email="vreemde@example.org").count() == 1


@pytest.mark.django_db
def test_limiet_per_client_over_veel_adressen(client, ingang, django_capture_on_commit_callbacks):
    statussen = [
        starten(
            client,
            django_capture_on_commit_callbacks,
            ingang,
            f"bewoner{i}@example.org",
            f"Voorstel {i}",
        ).status_code
        for i in range(12)
    ]
    assert statussen == [302] * 10 + [429] * 2
    assert Traject.objects.filter(titel__startswith="Voorstel ").count() == 10
    assert not User.objects.filter(email__in=["bewoner10@example.org", "bewoner11@example.org"])
    assert len(mail.outbox) == 10


@pytest.mark.django_db
def test_ingelogd_telt_per_account(client, ingang, initiatiefnemer):
    client.force_login(initiatiefnemer)
    url, extra = ingang
    statussen = [
        client.post(
            url,
            {"initiatief_naam": "Buurtvereniging", "titel": f"Voorstel {i}", **extra},
            REMOTE_ADDR=f"198.51.100.{i + 1}",
        ).status_code
        for i in range(5)
    ]
    assert statussen == [302] * 3 + [429] * 2
    assert Traject.objects.filter(titel__startswith="Voorstel ").count() == 3


@pytest.mark.django_db
def test_429_in_het_engels(client, ingang, django_capture_on_commit_callbacks):
    for i in range(4):
        antwoord = starten(
            client,
            django_capture_on_commit_callbacks,
            ingang,
            "vreemde@example.org",
            f"Voorstel {i}",
            HTTP_ACCEPT_LANGUAGE="en",
            REMOTE_ADDR=f"198.51.100.{i + 1}",
        )
    assert antwoord.status_code == 429
    assert "Too many requests" in antwoord.content.decode()
