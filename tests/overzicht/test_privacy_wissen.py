"""Privacy (AVG): a person downloads their data and has it erased; what must be kept with
signed agreements and the archive stays, and the person is told what was kept and why."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from aanbesteden.models import User
from meldingen.models import Notificatie
from overzicht.models import Dossier
from tests.factories import TrajectFactory, UserFactory

from .factories import initiatief_maken, ondertekening_maken, versie_maken, voorstel_maken

EMAIL = "piet@example.org"
NAAM = "Piet Privé"
TELEFOON = "0611111111"


@pytest.fixture
def piet(gemeente, ambtenaar):
    from coalities.models import Partner, Uitnodiging
    from initiatieven.models import Contactpersoon, Steunbetuiging

    piet = UserFactory(email=EMAIL, naam=NAAM, telefoon=TELEFOON)
    vrij = TrajectFactory(gemeente=gemeente, status="route", titel="Vrij traject")
    getekend = TrajectFactory(gemeente=gemeente, status="evaluatie", titel="Getekend traject")
    vrij_voorstel = voorstel_maken(vrij, initiatief=initiatief_maken(naam="Vrij initiatief"))
    getekend_voorstel = voorstel_maken(
        getekend, initiatief=initiatief_maken(naam="Getekend initiatief")
    )
    Contactpersoon.objects.create(
        initiatief=vrij_voorstel.initiatief, naam=NAAM, email=EMAIL, telefoon=TELEFOON
    )
    Contactpersoon.objects.create(
        initiatief=getekend_voorstel.initiatief,
        naam=NAAM,
        email=EMAIL,
        telefoon=TELEFOON,
        is_vertegenwoordiger=True,
    )
    Steunbetuiging.objects.create(
        voorstel=vrij_voorstel,
        naam=NAAM,
        email=EMAIL,
        token_hash="x" * 64,
        bevestigd_op=timezone.now(),
    )
    Partner.objects.create(
        traject=vrij,
        gebruiker=piet,
        organisatie="Piets Tuin",
        contactpersoon=NAAM,
        telefoon=TELEFOON,
    )
    partner_getekend = Partner.objects.create(
        traject=getekend,
        gebruiker=piet,
        organisatie="Piets Tuin",
        contactpersoon=NAAM,
        telefoon=TELEFOON,
    )
    Uitnodiging.objects.create(
        traject=vrij,
        email=EMAIL,
        naam=NAAM,
        token_hash="y" * 64,
        verloopt_op=timezone.now() + timedelta(days=7),
        verzonden_op=timezone.now(),
    )
    versie = versie_maken(getekend, status="verzegeld")
    versie.verzegeld_pdf.save("zegel.pdf", ContentFile(b"%PDF-1.7 verzegeld"))
    handtekening = ondertekening_maken(
        versie, piet, partij="partner", partner=partner_getekend, getekend=True, namens="Piets Tuin"
    )
    Notificatie.objects.create(ontvanger=piet, soort="overig", onderwerp="Hallo Piet", tekst="x")
    dossier = Dossier.objects.create(traject=getekend, status="klaar")
    dossier.bestand.save("dossier.zip", ContentFile(b"PK zip"))
    return {"user": piet, "versie": versie, "handtekening": handtekening, "dossier": dossier}


def test_gegevens_downloaden(piet, client):
    client.force_login(piet["user"])
    response = client.get(reverse("overzicht:privacy_export"))
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["gebruiker"][0]["email"] == EMAIL
    assert data["gebruiker"][0]["telefoon"] == TELEFOON
    assert len(data["contactpersonen"]) == 2
    assert len(data["partners"]) == 2
    assert data["steunbetuigingen"][0]["naam"] == NAAM
    assert data["meldingen"][0]["onderwerp"] == "Hallo Piet"
    assert data["ondertekeningen"][0]["namens"] == "Piets Tuin"


def test_wissen_laat_alleen_het_noodzakelijke(piet, client):
    from coalities.models import Partner, Uitnodiging
    from initiatieven.models import Contactpersoon, Steunbetuiging
    from overdracht.models import Ondertekening

    user = piet["user"]
    client.force_login(user)
    assert client.post(reverse("overzicht:privacy_wissen"), {}).status_code == 400
    user.refresh_from_db()
    assert user.is_active  # nothing happened without the confirmation

    response = client.post(reverse("overzicht:privacy_wissen"), {"bevestiging": "on"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "handtekening" in html.lower() and "archief" in html.lower()

    user.refresh_from_db()
    assert not user.is_active and not user.has_usable_password()
    assert EMAIL not in user.email and user.naam == "" and user.telefoon == ""
    assert not Notificatie.objects.filter(ontvanger=user).exists()
    assert not User.objects.filter(email__iexact=EMAIL).exists()
    assert not Steunbetuiging.objects.filter(email__iexact=EMAIL).exists()
    assert not Steunbetuiging.objects.filter(naam=NAAM).exists()
    assert Steunbetuiging.objects.count() == 1  # the support still counts
    assert not Uitnodiging.objects.filter(email__iexact=EMAIL).exists()
    assert not Uitnodiging.objects.filter(naam=NAAM).exists()
    assert not Partner.objects.filter(telefoon=TELEFOON).exists()
    assert (
        not Contactpersoon.objects.filter(telefoon=TELEFOON)
        .exclude(initiatief__naam="Getekend initiatief")
        .exists()
    )
    # Where the person is bound to the signed agreement, the name stays.
    assert list(
        Contactpersoon.objects.filter(email=EMAIL).values_list("initiatief__naam", flat=True)
    ) == ["Getekend initiatief"]
    assert list(
        Partner.objects.filter(contactpersoon=NAAM).values_list("traject__titel", flat=True)
    ) == ["Getekend traject"]
    # Signed agreements intact.
    handtekening = Ondertekening.objects.get(pk=piet["handtekening"].pk)
    assert handtekening.naam == piet["handtekening"].naam
    assert handtekening.getekend_op == piet["handtekening"].getekend_op
    assert handtekening.pdf_sha256 == "a" * 64
    piet["versie"].refresh_from_db()
    with piet["versie"].verzegeld_pdf.open("rb") as f:
        assert f.read() == b"%PDF-1.7 verzegeld"
    assert Dossier.objects.filter(pk=piet["dossier"].pk).exists()
    # Logged out, and cannot log in again.
    assert client.get(reverse("overzicht:mijn_trajecten")).status_code == 302
    from accounts.services import inloglink_versturen

    assert inloglink_versturen(email=EMAIL) is False


def test_wissen_alleen_met_post(piet, client):
    client.force_login(piet["user"])
    assert client.get(reverse("overzicht:privacy_wissen")).status_code == 405
    assert client.get(reverse("overzicht:privacy")).status_code == 200
