"""Anybody can type any address when starting a proposal: the address of an official never
makes that official the initiative of a traject in their own gemeente. The visitor sees the
usual page; nothing is made; the official gets a mail that explains it (and no log-in link)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from aanbesteden.constants import Rol
from aanbesteden.models import Traject
from aanbesteden.permissions import heeft_rol
from initiatieven.models import Initiatief, Voorstel


@pytest.fixture(params=["opgave", "uitdaagrecht"])
def ingang(request, gemeente, opgave):
    if request.param == "opgave":
        url = reverse(
            "initiatieven:opgave_voorstel_starten",
            kwargs={"gemeente": gemeente.slug, "opgave": opgave.pk},
        )
        return url, {}
    url = reverse("initiatieven:uitdaagrecht_starten", kwargs={"gemeente": gemeente.slug})
    return url, {"taak": "Het beheer van het wijkpark"}


def starten(client, capture, ingang, email):
    url, extra = ingang
    data = {"email": email, "initiatief_naam": "Buurtvereniging", "titel": "Ons park", **extra}
    with capture(execute=True):
        return client.post(url, data, follow=True)


def zonder_csrf(antwoord) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", antwoord.content.decode())


@pytest.mark.django_db
def test_adres_van_ambtenaar_maakt_geen_voorstel_en_meldt_het(
    client, ingang, ambtenaar, django_capture_on_commit_callbacks
):
    antwoord = starten(client, django_capture_on_commit_callbacks, ingang, ambtenaar.email.upper())
    assert not Traject.objects.filter(titel="Ons park").exists()
    assert not Voorstel.objects.exists() and not Initiatief.objects.exists()
    assert not [t for t in Traject.objects.all() if heeft_rol(ambtenaar, t, Rol.INITIATIEFNEMER)]
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == [ambtenaar.email]
    assert "Iemand heeft met uw e-mailadres geprobeerd een voorstel te starten" in bericht.body
    assert "Gemeente A" in bericht.body
    assert "sleutel=" not in bericht.body  # no log-in link
    assert "Ons park" not in bericht.body + bericht.subject  # nothing the visitor typed

    # The visitor gets the same page as for any other address.
    client.cookies.clear()
    gewoon = starten(client, django_capture_on_commit_callbacks, ingang, "bewoner@example.org")
    assert antwoord.redirect_chain == gewoon.redirect_chain
    assert zonder_csrf(antwoord) == zonder_csrf(gewoon)
    assert Traject.objects.filter(titel="Ons park").count() == 1


@pytest.mark.django_db
def test_melding_in_de_taal_van_de_ambtenaar(
    client, ingang, ambtenaar, django_capture_on_commit_callbacks
):
    ambtenaar.taal = "en"
    ambtenaar.save(update_fields=["taal"])
    starten(client, django_capture_on_commit_callbacks, ingang, ambtenaar.email)
    assert mail.outbox[0].subject == "Somebody tried to start a proposal with your e-mail address"


@pytest.mark.django_db
def test_ambtenaar_van_een_andere_gemeente_kan_initiatief_zijn(
    client, ingang, ambtenaar_b, django_capture_on_commit_callbacks
):
    """The rule is about the official's own gemeente: elsewhere they are a resident."""
    starten(client, django_capture_on_commit_callbacks, ingang, ambtenaar_b.email)
    traject = Traject.objects.get(titel="Ons park")
    assert heeft_rol(ambtenaar_b, traject, Rol.INITIATIEFNEMER)
