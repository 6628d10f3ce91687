"""Invitations mail strangers: sending and resending are limited per target address and per
traject and inviter (one inviter's limit does not hold back another), and the inviter's
words (the name typed, the personal message) stand in the mail quoted as theirs."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from coalities.models import Uitnodiging

NU = dt.datetime(2030, 3, 4, 10, 0, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def klok():
    with time_machine.travel(NU, tick=False) as klok:
        yield klok


@pytest.fixture
def uitnodigen(client, coalitie_traject, django_capture_on_commit_callbacks):
    url = reverse("coalities:uitnodigen", kwargs={"pk": coalitie_traject.pk})

    def nodig_uit(email, naam="Karel", bericht="", **meta):
        with django_capture_on_commit_callbacks(execute=True):
            data = {"email": email, "naam": naam, "organisatie": "", "bericht": bericht}
            return client.post(url, data, **meta).status_code

    return nodig_uit


@pytest.mark.django_db
def test_tiende_keer_opnieuw_versturen_aan_een_adres_krijgt_429(
    client, coalitie_traject, initiatiefnemer, uitnodigen, django_capture_on_commit_callbacks
):
    client.force_login(initiatiefnemer)
    assert uitnodigen("partner@voorbeeld.nl") == 302
    uitnodiging = Uitnodiging.objects.get(email="partner@voorbeeld.nl")
    url = reverse(
        "coalities:uitnodiging_opnieuw",
        kwargs={"pk": coalitie_traject.pk, "uitnodiging": uitnodiging.pk},
    )
    statussen = []
    for i in range(9):
        with django_capture_on_commit_callbacks(execute=True):
            statussen.append(client.post(url, REMOTE_ADDR=f"198.51.100.{i + 1}").status_code)
    # With the first invitation: the 4th mail request for this address is refused.
    assert statussen == [302] * 2 + [429] * 7
    assert len(mail.outbox) == 3
    uitnodiging.refresh_from_db()
    assert uitnodiging.keer_verzonden == 3


@pytest.mark.django_db
def test_limiet_per_traject_en_uitnodiger(client, initiatiefnemer, ambtenaar, uitnodigen):
    client.force_login(initiatiefnemer)
    statussen = [
        uitnodigen(f"partner{i}@voorbeeld.nl", REMOTE_ADDR=f"198.51.100.{i + 1}") for i in range(12)
    ]
    assert statussen == [302] * 10 + [429] * 2
    assert Uitnodiging.objects.count() == 10
    assert len(mail.outbox) == 10
    # The official of the same traject has a counter of their own.
    client.force_login(ambtenaar)
    assert uitnodigen("partner10@voorbeeld.nl", REMOTE_ADDR="198.51.100.99") == 302
    assert Uitnodiging.objects.count() == 11


@pytest.mark.django_db
def test_limiet_per_client(client, initiatiefnemer, uitnodigen, settings):
    settings.LIMIET_PER_TRAJECT = ["100/m"]  # so that only the client's limit counts here
    client.force_login(initiatiefnemer)
    statussen = [uitnodigen(f"partner{i}@voorbeeld.nl") for i in range(11)]
    assert statussen == [302] * 10 + [429]
    assert Uitnodiging.objects.count() == 10


@pytest.mark.django_db
def test_429_in_de_taal_van_de_gebruiker(client, initiatiefnemer, coalitie_traject):
    initiatiefnemer.taal = "en"
    initiatiefnemer.save(update_fields=["taal"])
    client.force_login(initiatiefnemer)
    url = reverse("coalities:uitnodigen", kwargs={"pk": coalitie_traject.pk})
    for i in range(11):
        antwoord = client.post(
            url,
            {"email": f"partner{i}@voorbeeld.nl", "naam": "", "organisatie": "", "bericht": ""},
        )
    assert antwoord.status_code == 429
    assert "Too many requests" in antwoord.content.decode()


@pytest.mark.django_db
def test_woorden_van_de_uitnodiger_staan_als_citaat_in_de_mail(client, initiatiefnemer, uitnodigen):
    initiatiefnemer.naam = "Anne de Vries"
    initiatiefnemer.save(update_fields=["naam"])
    client.force_login(initiatiefnemer)
    bericht = (
        "Hallo Karel,\n\nDoe je mee?\n\n"
        "Belangrijk bericht van de gemeente: uw subsidie vervalt. Betaal via https://kwaad.example"
    )
    naam = "Karel\n\nU moet vandaag nog reageren"
    assert uitnodigen("karel@voorbeeld.nl", naam=naam, bericht=bericht) == 302
    regels = mail.outbox[-1].body.splitlines()
    assert regels[0] == "Beste lezer,"
    assert "De uitnodiging komt van: “Anne de Vries”" in regels
    assert "Volgens de uitnodiging is deze e-mail voor: “Karel U moet vandaag nog reageren”" in (
        regels
    )
    start = regels.index("“Anne de Vries” schrijft:")
    assert regels[start + 1 : start + 6] == [
        "> Hallo Karel,",
        ">",
        "> Doe je mee?",
        ">",
        "> Belangrijk bericht van de gemeente: uw subsidie vervalt. Betaal via "
        "https://kwaad.example",
    ]
    # No line of the mail starts with the inviter's words, as if the platform wrote them.
    assert not [r for r in regels if r.startswith(("Belangrijk", "Karel", "U moet"))]
