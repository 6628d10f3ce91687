"""A partner is not invited blind: the invitation names the person and the initiative (never
an e-mail address), shows the horizon's ambition and indicators and the role asked; the
invitee can ask a question first, or decline with a reason."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from coalities.constants import UitnodigingStatus
from coalities.models import Uitnodiging
from tests.coalities.factories import token_uit_mail
from tests.initiatieven.factories import voorstel_compleet

pytestmark = pytest.mark.django_db


@pytest.fixture
def uitgenodigd(
    client, coalitie_traject, horizon, initiatiefnemer, django_capture_on_commit_callbacks
):
    voorstel_compleet(coalitie_traject)
    initiatiefnemer.naam = "Ilse Bakker"
    initiatiefnemer.save(update_fields=["naam"])
    client.force_login(initiatiefnemer)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("coalities:uitnodigen", kwargs={"pk": coalitie_traject.pk}),
            {"email": "club@example.org", "naam": "Sanne", "rol": "financier"},
        )
    assert antwoord.status_code == 302
    client.logout()
    return token_uit_mail(mail.outbox[-1])


def test_mail_en_pagina_noemen_persoon_initiatief_doel_en_rol(client, uitgenodigd, initiatiefnemer):
    uitnodiging_mail = mail.outbox[-1]
    assert "“Ilse Bakker”, namens “Stichting Buurtkracht”" in uitnodiging_mail.body
    assert "Financier" in uitnodiging_mail.body
    assert initiatiefnemer.email not in uitnodiging_mail.body
    html = client.get(reverse("coalities:uitnodiging", kwargs={"token": uitgenodigd})).content
    html = html.decode()
    assert "Ilse Bakker van Stichting Buurtkracht nodigt u uit" in html
    assert initiatiefnemer.email not in html and "club@example.org" not in html
    assert "Een groen park voor iedereen" in html  # the ambition
    assert "Bezoekers per week: van 0 naar 200" in html  # an indicator and its target
    assert "<strong>Financier</strong>" in html
    # The role asked is chosen in the accept form already.
    assert '<option value="financier" selected>' in html


def test_eerst_een_vraag_stellen(
    client, uitgenodigd, initiatiefnemer, django_capture_on_commit_callbacks
):
    url = reverse("coalities:uitnodiging", kwargs={"token": uitgenodigd})
    mail.outbox.clear()
    assert client.post(url, {"actie": "vraag", "vraag-vraag": ""}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            url, {"actie": "vraag", "vraag-vraag": "Hoeveel uur per week vraagt u?"}
        )
    assert antwoord.status_code == 200
    assert "Uw vraag is verstuurd" in antwoord.content.decode()
    assert [m.to[0] for m in mail.outbox] == [initiatiefnemer.email]
    assert "> Hoeveel uur per week vraagt u?" in mail.outbox[0].body
    assert "club@example.org" in mail.outbox[0].body  # where to answer
    assert Uitnodiging.objects.get().status == UitnodigingStatus.OPEN


def test_afwijzen_met_een_reden(
    client, uitgenodigd, initiatiefnemer, django_capture_on_commit_callbacks
):
    url = reverse("coalities:uitnodiging", kwargs={"token": uitgenodigd})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            url, {"actie": "afwijzen", "nee-reden": "Wij hebben dit jaar geen tijd."}
        )
    assert antwoord.status_code == 200
    uitnodiging = Uitnodiging.objects.get()
    assert uitnodiging.status == UitnodigingStatus.AFGEWEZEN
    assert uitnodiging.afwijsreden == "Wij hebben dit jaar geen tijd."
    assert [m.to[0] for m in mail.outbox] == [initiatiefnemer.email]
    assert "> Wij hebben dit jaar geen tijd." in mail.outbox[0].body
