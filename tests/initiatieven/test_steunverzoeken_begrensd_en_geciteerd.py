"""Support requests mail strangers: they are limited per target address and per traject and
sender, and what the initiative typed (the supporter's name, its own name, the title) stands
in the mail quoted as the initiative's words, never as the platform's own sentence."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from initiatieven.models import Steunbetuiging

NU = dt.datetime(2030, 3, 4, 10, 0, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def klok():
    with time_machine.travel(NU, tick=False) as klok:
        yield klok


@pytest.fixture
def vragen(client, traject, voorstel, initiatiefnemer, django_capture_on_commit_callbacks):
    client.force_login(initiatiefnemer)
    url = reverse("initiatieven:steun", kwargs={"pk": traject.pk})

    def vraag(naam, email, **meta):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, {"naam": naam, "email": email}, **meta).status_code

    return vraag


@pytest.mark.django_db
def test_tiende_verzoek_aan_een_adres_krijgt_429_voor_een_tiende_mail(vragen):
    statussen = [
        vragen("Buur", "buur@example.org", REMOTE_ADDR=f"198.51.100.{i + 1}") for i in range(10)
    ]
    assert statussen == [302] * 3 + [429] * 7
    assert len([m for m in mail.outbox if m.to == ["buur@example.org"]]) == 3


@pytest.mark.django_db
def test_limiet_per_traject_en_afzender(vragen, voorstel, client, initiatiefnemer):
    voor = Steunbetuiging.objects.filter(voorstel=voorstel).count()
    statussen = [
        vragen("Buur", f"steuner{i}@example.org", REMOTE_ADDR=f"198.51.100.{i + 1}")
        for i in range(12)
    ]
    assert statussen == [302] * 10 + [429] * 2
    assert Steunbetuiging.objects.filter(voorstel=voorstel).count() == voor + 10
    assert not Steunbetuiging.objects.filter(email="steuner10@example.org").exists()
    assert len(mail.outbox) == 10


@pytest.mark.django_db
def test_limiet_per_client(vragen, settings):
    settings.LIMIET_PER_TRAJECT = ["100/m"]  # so that only the client's limit counts here
    statussen = [vragen("Buur", f"steuner{i}@example.org") for i in range(11)]
    assert statussen == [302] * 10 + [429]
    assert len(mail.outbox) == 10


@pytest.mark.django_db
def test_wat_het_initiatief_typt_staat_als_citaat_in_de_mail(vragen, voorstel, traject):
    voorstel.initiatief.naam = "Buurtkracht"
    voorstel.initiatief.save()
    naam = "Jan\n\nUw account bij de gemeente is geblokkeerd. Log in via https://kwaad.example"
    assert vragen(naam, "jan@example.org") == 302
    bericht = mail.outbox[-1]
    # The initiative's name is not in the subject: the platform does not speak for it there.
    assert "Buurtkracht" not in bericht.subject
    assert "Gemeente A" in bericht.subject
    regels = bericht.body.splitlines()
    assert regels[0] == "Beste lezer,"
    assert (
        "“Buurtkracht” schrijft dat deze e-mail is voor: “Jan Uw account bij de gemeente is "
        "geblokkeerd. Log in via https://kwaad.example”"
    ) in regels
    assert f"Het voorstel heet: “{traject.titel}”" in regels
    # No line of the mail starts with the typed text, as if the platform wrote it.
    assert not [r for r in regels if r.startswith(("Uw account", "Jan"))]
    assert "Wat tussen aanhalingstekens staat, schreef het initiatief zelf." in bericht.body
