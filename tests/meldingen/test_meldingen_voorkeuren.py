"""Notification preferences: mail at once, in the daily digest or not at all, per kind; the
digest goes once per user per day, also when the task runs twice; log-in links always go."""

from __future__ import annotations

import time_machine
from django.core import mail
from django.urls import reverse

from meldingen.berichten import bericht_versturen
from meldingen.constants import Bezorging, NotificatieSoort
from meldingen.models import Dagoverzicht, Notificatie, NotificatieVoorkeur
from meldingen.tasks import dagoverzichten_versturen
from tests.factories import UserFactory


def _sturen(ontvanger, traject, soort, door):
    return bericht_versturen(
        ontvangers=[ontvanger],
        soort=soort,
        sjabloon="meldingen/mail/transitie",
        context={"traject": traject, "van": "concept", "naar": traject.status, "door": door},
        traject=traject,
        url=traject.get_absolute_url(),
    )


def _voorkeur(user, soort, bezorging):
    NotificatieVoorkeur.objects.create(gebruiker=user, soort=soort, bezorging=bezorging)


def test_meteen_dagoverzicht_geen(
    traject, initiatiefnemer, ambtenaar, django_capture_on_commit_callbacks
):
    _voorkeur(initiatiefnemer, NotificatieSoort.EVALUATIE, Bezorging.DAGOVERZICHT)
    _voorkeur(initiatiefnemer, NotificatieSoort.COALITIE, Bezorging.GEEN)
    with django_capture_on_commit_callbacks(execute=True):
        _sturen(initiatiefnemer, traject, NotificatieSoort.TRANSITIE, ambtenaar)
        _sturen(initiatiefnemer, traject, NotificatieSoort.EVALUATIE, ambtenaar)
        _sturen(initiatiefnemer, traject, NotificatieSoort.COALITIE, ambtenaar)
    # All three stand in the in-app list; only the "at once" kind was mailed.
    assert Notificatie.objects.filter(ontvanger=initiatiefnemer).count() == 3
    assert [m.to for m in mail.outbox] == [[initiatiefnemer.email]]
    gemaild = Notificatie.objects.filter(ontvanger=initiatiefnemer, gemaild_op__isnull=False)
    assert list(gemaild.values_list("soort", flat=True)) == [NotificatieSoort.TRANSITIE]

    mail.outbox.clear()
    assert dagoverzichten_versturen() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [initiatiefnemer.email]
    assert "Buurtpark" in mail.outbox[0].body
    assert "dagoverzicht" in mail.outbox[0].subject.lower()
    evaluatie = Notificatie.objects.get(ontvanger=initiatiefnemer, soort=NotificatieSoort.EVALUATIE)
    assert evaluatie.gemaild_op is not None
    coalitie = Notificatie.objects.get(ontvanger=initiatiefnemer, soort=NotificatieSoort.COALITIE)
    assert coalitie.gemaild_op is None  # "no mail" stays unmailed, also in the digest


def test_dagoverzicht_eenmaal_per_dag(traject, initiatiefnemer, ambtenaar):
    _voorkeur(initiatiefnemer, NotificatieSoort.TRANSITIE, Bezorging.DAGOVERZICHT)
    ander = UserFactory()
    _voorkeur(ander, NotificatieSoort.TRANSITIE, Bezorging.DAGOVERZICHT)
    with time_machine.travel("2026-03-02 07:00 +01:00", tick=False):
        _sturen(initiatiefnemer, traject, NotificatieSoort.TRANSITIE, ambtenaar)
        _sturen(ander, traject, NotificatieSoort.TRANSITIE, ambtenaar)
        assert dagoverzichten_versturen.delay().get() == 2
        _sturen(initiatiefnemer, traject, NotificatieSoort.TRANSITIE, ambtenaar)
        assert dagoverzichten_versturen() == 0  # the same day again: nothing
    assert len(mail.outbox) == 2
    assert Dagoverzicht.objects.filter(gebruiker=initiatiefnemer).count() == 1
    with time_machine.travel("2026-03-03 07:00 +01:00", tick=False):
        assert dagoverzichten_versturen() == 1  # the next day: what came in since
        assert dagoverzichten_versturen() == 0
    assert len(mail.outbox) == 3
    assert Dagoverzicht.objects.filter(gebruiker=initiatiefnemer).count() == 2


def test_inloglink_altijd_meteen(initiatiefnemer, django_capture_on_commit_callbacks):
    for soort in NotificatieSoort.values:
        if soort != NotificatieSoort.INLOGLINK:
            _voorkeur(initiatiefnemer, soort, Bezorging.GEEN)
    from accounts.services import inloglink_versturen

    with django_capture_on_commit_callbacks(execute=True):
        inloglink_versturen(email=initiatiefnemer.email, volgende="")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [initiatiefnemer.email]


def test_voorkeuren_pagina(initiatiefnemer, client):
    client.force_login(initiatiefnemer)
    url = reverse("meldingen:voorkeuren")
    pagina = client.get(url)
    assert pagina.status_code == 200
    assert f'name="{NotificatieSoort.INLOGLINK}"' not in pagina.content.decode()
    data = {s: Bezorging.DIRECT for s in NotificatieSoort.values if s != "inloglink"}
    data[NotificatieSoort.EVALUATIE] = Bezorging.DAGOVERZICHT
    assert client.post(url, data).status_code == 302
    assert (
        NotificatieVoorkeur.objects.get(
            gebruiker=initiatiefnemer, soort=NotificatieSoort.EVALUATIE
        ).bezorging
        == Bezorging.DAGOVERZICHT
    )
    data[NotificatieSoort.EVALUATIE] = "altijd"  # tampered
    assert client.post(url, data).status_code == 400
    assert client.get(url).status_code == 200


def test_meldingenlijst_gelezen_en_ongelezen(initiatiefnemer, ambtenaar, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    def maak(aantal, gelezen):
        Notificatie.objects.bulk_create(
            [
                Notificatie(
                    ontvanger=initiatiefnemer,
                    soort="overig",
                    onderwerp=f"{'Oud' if gelezen else 'Nieuw'} {i}",
                    tekst="x",
                    gelezen_op=timezone.now() if gelezen else None,
                )
                for i in range(aantal)
            ]
        )

    Notificatie.objects.create(
        ontvanger=ambtenaar, soort="overig", onderwerp="Van een ander", tekst="x"
    )
    maak(2, True)
    maak(3, False)
    client.force_login(initiatiefnemer)
    url = reverse("meldingen:notificaties")
    html = client.get(url).content.decode()
    assert "Oud 0" in html and "Nieuw 2" in html and "Van een ander" not in html
    with CaptureQueriesContext(connection) as klein:
        html = client.get(url, {"filter": "ongelezen"}).content.decode()
    assert "Oud 0" not in html and "Nieuw 2" in html
    maak(60, False)
    with CaptureQueriesContext(connection) as groot:
        client.get(url, {"filter": "ongelezen"})
    assert len(groot) == len(klein)
    assert client.post(reverse("meldingen:alles_gelezen")).status_code == 302
    assert not Notificatie.objects.filter(
        ontvanger=initiatiefnemer, gelezen_op__isnull=True
    ).exists()
    assert Notificatie.objects.filter(ontvanger=ambtenaar, gelezen_op__isnull=True).exists()
    assert client.get(reverse("meldingen:alles_gelezen")).status_code == 405
