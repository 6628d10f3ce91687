"""Residents react on a published proposal (and on the public page of a handed-over task):
with a confirmed e-mail address or logged in, plain text; the initiative answers; anyone
reports; the gemeente hides with a reason everyone reads, and the initiative is told through
its own notification preferences."""

from __future__ import annotations

import pytest
from django.urls import reverse

from initiatieven.models import Reactie, ReactieMelding, Voorstel
from meldingen.constants import Bezorging, NotificatieSoort
from meldingen.models import Notificatie, NotificatieVoorkeur
from tests.initiatieven.factories import laatste_mail_aan, link_uit_mail


@pytest.fixture
def openbaar(ingediend, voorstel):
    Voorstel.objects.filter(pk=voorstel.pk).update(openbaar=True)
    voorstel.refresh_from_db()
    return voorstel


def _reageren_url(voorstel):
    return reverse(
        "initiatieven:voorstel_reageren",
        kwargs={"gemeente": voorstel.traject.gemeente.slug, "pk": voorstel.pk},
    )


def test_bewoner_reageert_met_bevestigd_adres(
    client, openbaar, initiatiefnemer, django_capture_on_commit_callbacks
):
    tekst = "Goed plan! <script>alert(1)</script>"
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            _reageren_url(openbaar), {"tekst": tekst, "naam": "Mo", "email": "mo@example.org"}
        )
    assert antwoord.status_code == 302
    html = client.get(openbaar.openbare_url()).content.decode()
    assert "Goed plan!" not in html  # not confirmed yet
    assert not Notificatie.objects.filter(ontvanger=initiatiefnemer, soort="reactie").exists()

    link = link_uit_mail(laatste_mail_aan("mo@example.org"))
    assert client.get(link).status_code == 200  # a button: opening the link confirms nothing
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(link).status_code == 200
    html = client.get(openbaar.openbare_url()).content.decode()
    assert "Goed plan! &lt;script&gt;" in html and "<script>alert" not in html  # plain text
    assert "mo@example.org" not in html
    assert Notificatie.objects.filter(
        ontvanger=initiatiefnemer, soort=NotificatieSoort.REACTIE
    ).exists()


def test_initiatief_antwoordt_en_gemeente_verbergt(
    client, openbaar, initiatiefnemer, ambtenaar, django_capture_on_commit_callbacks
):
    client.force_login(ambtenaar)  # logged in: shows at once
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_reageren_url(openbaar), {"tekst": "Hoe zit het met de kosten?", "naam": ""})
    vraag = Reactie.objects.get(tekst="Hoe zit het met de kosten?")
    assert vraag.bevestigd_op and not vraag.van_initiatief

    client.force_login(initiatiefnemer)
    antwoord = client.post(
        _reageren_url(openbaar), {"tekst": "Die zijn lager dan nu.", "antwoord_op": vraag.pk}
    )
    assert antwoord.status_code == 302
    assert Reactie.objects.get(tekst="Die zijn lager dan nu.").antwoord_op == vraag
    html = client.get(openbaar.openbare_url()).content.decode()
    assert "Het initiatief" in html and "Die zijn lager dan nu." in html

    # Anyone reports it; the gemeente sees the report first on its list and hides it.
    client.logout()
    melden = reverse("initiatieven:reactie_melden", kwargs={"pk": vraag.pk})
    assert client.post(melden, {"reden": ""}).status_code == 400
    assert client.post(melden, {"reden": "Noemt een buurman"}).status_code == 302
    assert ReactieMelding.objects.filter(reactie=vraag).count() == 1

    verbergen = reverse("initiatieven:reactie_verbergen", kwargs={"pk": vraag.pk})
    client.force_login(initiatiefnemer)
    assert client.post(verbergen, {"reden": "x"}).status_code == 403
    client.force_login(ambtenaar)
    beheer = reverse(
        "initiatieven:reacties_beheer", kwargs={"gemeente": openbaar.traject.gemeente.slug}
    )
    assert "Noemt een buurman" in client.get(beheer).content.decode()
    assert client.post(verbergen, {"reden": ""}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(verbergen, {"reden": "Noemt iemand bij naam"}).status_code == 302
    client.logout()
    html = client.get(openbaar.openbare_url()).content.decode()
    assert "Hoe zit het met de kosten?" not in html
    assert "Noemt iemand bij naam" in html
    assert Notificatie.objects.filter(
        ontvanger=initiatiefnemer, soort=NotificatieSoort.REACTIE, onderwerp__contains="verborgen"
    ).exists()


def test_alleen_initiatief_antwoordt(client, openbaar, partner, ambtenaar):
    client.force_login(ambtenaar)
    client.post(_reageren_url(openbaar), {"tekst": "Vraag"})
    vraag = Reactie.objects.get(tekst="Vraag")
    client.force_login(partner)
    client.post(_reageren_url(openbaar), {"tekst": "Antwoord", "antwoord_op": vraag.pk})
    assert not Reactie.objects.filter(antwoord_op=vraag).exists()


def test_voorkeur_van_het_initiatief_geldt(
    client, openbaar, initiatiefnemer, ambtenaar, django_capture_on_commit_callbacks
):
    from django.core import mail

    NotificatieVoorkeur.objects.create(
        gebruiker=initiatiefnemer, soort=NotificatieSoort.REACTIE, bezorging=Bezorging.GEEN
    )
    client.force_login(ambtenaar)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_reageren_url(openbaar), {"tekst": "Mooi"})
    assert Notificatie.objects.filter(ontvanger=initiatiefnemer, soort="reactie").exists()
    assert not [m for m in mail.outbox if initiatiefnemer.email in m.to]


def test_foute_invoer_en_niet_openbaar(client, ingediend, voorstel, openbaar):
    assert client.post(_reageren_url(openbaar), {"tekst": "", "email": "a@b.nl"}).status_code == 400
    assert client.post(_reageren_url(openbaar), {"tekst": "x" * 2001}).status_code == 400
    Voorstel.objects.filter(pk=voorstel.pk).update(openbaar=False)
    assert (
        client.post(_reageren_url(voorstel), {"tekst": "Hoi", "email": "a@b.nl"}).status_code == 404
    )
    assert not Reactie.objects.exists()


def test_pagina_begrensd(client, openbaar, ambtenaar, django_assert_max_num_queries):
    client.force_login(ambtenaar)
    for i in range(15):
        client.post(_reageren_url(openbaar), {"tekst": f"Reactie {i}"})
    client.logout()
    with django_assert_max_num_queries(10):
        assert client.get(openbaar.openbare_url()).status_code == 200
