"""The whole intake through the views, as the roles do it: a visitor answers a call or
challenges, logs in with the mailed link, fills in the draft, submits; the gemeente assesses,
decides and the letter is made; both sides agree the horizon and the traject moves on."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from aanbesteden.models import Traject, User
from initiatieven.constants import Besluit, DocumentStatus, Score
from initiatieven.models import Beoordelingscriterium, Horizon, HorizonVersie, Voorstel

from .factories import PDF_BYTES, laatste_mail_aan, link_uit_mail


def contact_data(*personen, initieel=0):
    data = {
        "contact-TOTAL_FORMS": str(len(personen)),
        "contact-INITIAL_FORMS": str(initieel),
        "contact-MIN_NUM_FORMS": "0",
        "contact-MAX_NUM_FORMS": "10",
    }
    for i, (naam, email) in enumerate(personen):
        data[f"contact-{i}-naam"] = naam
        data[f"contact-{i}-email"] = email
    return data


def voorstel_data(**extra):
    data = {
        "initiatief-naam": "Buurtvereniging De Linde",
        "initiatief-rechtsvorm": "vereniging",
        "initiatief-kvk_nummer": "87654321",
        "initiatief-straat": "Lindelaan 3",
        "initiatief-postcode": "7411ab",
        "initiatief-plaats": "Deventer",
        "initiatief-publiceren": "on",
        "voorstel-taak": "Het beheer van het wijkpark",
        "voorstel-omschrijving": "Wij beheren het park met vrijwilligers.",
        "voorstel-bijdrage_gemeentedoelen": "Ontmoeting en groen.",
        "voorstel-doelgroep": "Alle buurtbewoners",
        "voorstel-bereik": "1200",
        "voorstel-kostenraming": "45.000,50",
        "voorstel-huidige_kosten": "60000",
        "voorstel-eigen_bijdrage": "2.500",
        "voorstel-looptijd_maanden": "36",
        **contact_data(("Ilse Bakker", "ilse@example.org")),
    }
    data.update(extra)
    return data


def inloggen_via_mail(client, email: str):
    """Follow the one-time link from the mail: a page with a button, then the POST."""
    pad = link_uit_mail(laatste_mail_aan(email))
    assert client.get(pad).status_code == 200
    sleutel = pad.split("sleutel=")[1].split("&")[0]
    from urllib.parse import parse_qs, urlparse

    volgende = parse_qs(urlparse(pad).query).get("next", [""])[0]
    antwoord = client.post(
        reverse("accounts:inloglink_gebruiken"), {"sleutel": sleutel, "next": volgende}
    )
    assert antwoord.status_code == 302
    return antwoord["Location"]


def bezoeker_start(client, url, email, django_capture_on_commit_callbacks, **extra):
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            url,
            {"email": email, "initiatief_naam": "Buurtvereniging", "titel": "Ons park", **extra},
        )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    return antwoord


@pytest.mark.parametrize("ingang", ["opgave", "uitdaagrecht"])
def test_hele_intake_voor_beide_ingangen(
    ingang, client, gemeente, ambtenaar, opgave, django_capture_on_commit_callbacks
):
    # 1. the public page lists the open call; a visitor starts a proposal without an account
    pagina = client.get(reverse("initiatieven:gemeente", kwargs={"gemeente": gemeente.slug}))
    assert opgave.titel in pagina.content.decode()
    if ingang == "opgave":
        url = reverse(
            "initiatieven:opgave_voorstel_starten",
            kwargs={"gemeente": gemeente.slug, "opgave": opgave.pk},
        )
        extra = {}
    else:
        url = reverse("initiatieven:uitdaagrecht_starten", kwargs={"gemeente": gemeente.slug})
        extra = {"taak": "Het beheer van het wijkpark"}
    bezoeker_start(client, url, "Nieuw@Example.org", django_capture_on_commit_callbacks, **extra)
    user = User.objects.get(email="nieuw@example.org")
    assert not user.has_usable_password()
    voorstel = Voorstel.objects.select_related("traject").get(initiatief__leden=user)
    traject = voorstel.traject
    assert traject.status == "concept"
    assert voorstel.soort == ingang and (voorstel.opgave_id == opgave.pk) == (ingang == "opgave")

    # 2. the link logs in and lands on the edit page
    landing = inloggen_via_mail(client, "nieuw@example.org")
    assert landing == reverse("initiatieven:voorstel_wijzigen", kwargs={"pk": traject.pk})
    assert client.get(landing).status_code == 200

    # 3. a draft, saved half-way: the checklist shows what is still missing
    antwoord = client.post(
        landing, contact_data(("Ilse", "ilse@example.org")) | {"initiatief-naam": "Buurtvereniging"}
    )
    assert antwoord.status_code == 302
    pagina = client.get(reverse("aanbesteden:traject", kwargs={"pk": traject.pk})).content.decode()
    assert "Het voorstel is beschreven." in pagina
    assert "bewijs van draagvlak" in pagina

    # 4. everything filled in, support uploaded as evidence, then submitted
    contact = voorstel.initiatief.contactpersonen.get()
    data = voorstel_data(
        **contact_data(("Ilse Bakker", "ilse@example.org"), initieel=1),
        **{"contact-0-id": str(contact.pk), "contact-0-initiatief": str(voorstel.initiatief_id)},
    )
    antwoord = client.post(landing, data)
    assert antwoord.status_code == 302, antwoord.content.decode()
    voorstel.refresh_from_db()
    assert str(voorstel.kostenraming) == "45000.50" and str(voorstel.eigen_bijdrage) == "2500.00"
    if ingang == "opgave":
        assert voorstel.huidige_kosten == opgave.huidige_kosten  # taken from the call
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.post(
        reverse("initiatieven:bijlagen", kwargs={"pk": traject.pk}),
        {"bestand": SimpleUploadedFile("lijst.pdf", PDF_BYTES), "soort": "draagvlak"},
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("aanbesteden:transitie", kwargs={"pk": traject.pk, "transitie": "indienen"}),
            {"status": "concept"},
        )
    assert antwoord.status_code == 302, antwoord.content.decode()[-3000:]
    traject.refresh_from_db()
    voorstel.refresh_from_db()
    assert traject.status == "ingediend"
    assert voorstel.ingediend_op and voorstel.beslissen_voor
    # Days count in the gemeente's own time zone (late in the evening UTC is the next day).
    ingediend_op = timezone.localdate(voorstel.ingediend_op)
    assert (voorstel.beslissen_voor - ingediend_op).days == 7 * 10
    assert any("is ingediend" in m.subject for m in mail.outbox if ambtenaar.email in m.to)
    assert any("is ingediend" in m.subject for m in mail.outbox if "nieuw@example.org" in m.to)

    # 5. the official finds it on the list, assesses every criterium and admits it
    client.force_login(ambtenaar)
    lijst = client.get(reverse("initiatieven:voorstellen", kwargs={"gemeente": gemeente.slug}))
    assert traject.titel in lijst.content.decode()
    beoordelen = reverse("initiatieven:beoordelen", kwargs={"pk": traject.pk})
    assert client.get(beoordelen).status_code == 200
    criteria = list(Beoordelingscriterium.objects.filter(gemeente=gemeente))
    assert len(criteria) == 9  # the standard list was seeded
    data = {"samenvatting": "Goed plan."}
    for c in criteria:
        data[f"score_{c.pk}"] = Score.VOLDOET
        data[f"toelichting_{c.pk}"] = f"Goed op {c.code}"
    assert client.post(beoordelen, data).status_code == 302
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("initiatieven:besluiten", kwargs={"pk": traject.pk}),
            {
                "besluit": "toelaten",
                "motivatie": "Sterk geworteld in de wijk.",
                "status": "ingediend",
            },
        )
    assert antwoord.status_code == 302
    traject.refresh_from_db()
    voorstel.refresh_from_db()
    assert traject.status == "horizon"
    assert voorstel.besluit == Besluit.TOEGELATEN and voorstel.besloten_door == ambtenaar
    assert voorstel.besluitbrief.status == DocumentStatus.KLAAR
    assert any("Besluit" in m.subject for m in mail.outbox if "nieuw@example.org" in m.to)

    # 6. the initiative downloads the letter
    client.force_login(user)
    brief = client.get(reverse("initiatieven:besluitbrief", kwargs={"pk": traject.pk}))
    assert brief.status_code == 200
    tekst = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(b"".join(brief.streaming_content))).pages
    )
    assert "Sterk geworteld in de wijk." in tekst
    assert "bezwaar" in tekst.lower()

    # 7. the horizon: the initiative writes it and approves, the gemeente approves
    horizon = Horizon.objects.get(traject=traject)
    wijzigen = reverse("initiatieven:horizon_wijzigen", kwargs={"pk": traject.pk})
    antwoord = client.post(
        wijzigen,
        {
            "versie": "1",
            "ambitie": "Een groen park voor iedereen.",
            "beoogde_resultaten": "Meer bezoekers.",
            "indicatoren-TOTAL_FORMS": "1",
            "indicatoren-INITIAL_FORMS": "0",
            "indicatoren-MIN_NUM_FORMS": "0",
            "indicatoren-MAX_NUM_FORMS": "20",
            "indicatoren-0-naam": "Bezoekers per week",
            "indicatoren-0-eenheid": "aantal",
            "indicatoren-0-nulwaarde": "100",
            "indicatoren-0-streefwaarde": "1.500",
            "indicatoren-0-hoger_is_beter": "on",
            "indicatoren-0-meetfrequentie": "kwartaal",
        },
    )
    assert antwoord.status_code == 302
    horizon.refresh_from_db()
    assert horizon.versie == 2
    akkoord = reverse("initiatieven:horizon_akkoord", kwargs={"pk": traject.pk})
    client.post(akkoord, {"versie": "2"})
    client.force_login(ambtenaar)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(akkoord, {"versie": "2"})
    horizon.refresh_from_db()
    assert horizon.goedgekeurd
    assert any("Akkoord" in m.subject for m in mail.outbox if "nieuw@example.org" in m.to)

    # 8. and the traject moves to coalitie
    antwoord = client.post(
        reverse("aanbesteden:transitie", kwargs={"pk": traject.pk, "transitie": "naar_coalitie"}),
        {"status": "horizon"},
    )
    assert antwoord.status_code == 302
    assert Traject.objects.get(pk=traject.pk).status == "coalitie"
    assert HorizonVersie.objects.filter(horizon=horizon, versie=1).exists()


def test_afwijzen_met_brief_en_bezwaar(
    client, ingediend, ambtenaar, initiatiefnemer, django_capture_on_commit_callbacks
):
    from initiatieven.selectors import criteria_voor_gemeente

    client.force_login(ambtenaar)
    data = {"samenvatting": ""}
    for c in criteria_voor_gemeente(gemeente=ingediend.gemeente):
        data[f"score_{c.pk}"] = Score.VOLDOET_NIET
        data[f"toelichting_{c.pk}"] = ""
    client.post(reverse("initiatieven:beoordelen", kwargs={"pk": ingediend.pk}), data)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("initiatieven:besluiten", kwargs={"pk": ingediend.pk}),
            {
                "besluit": "afwijzen",
                "motivatie": "De taak is aan de gemeente voorbehouden.",
                "status": "ingediend",
            },
        )
    ingediend.refresh_from_db()
    assert ingediend.status == "afgewezen"
    assert not Horizon.objects.filter(traject=ingediend).exists()
    voorstel = Voorstel.objects.get(traject=ingediend)
    assert voorstel.bezwaar_tot == timezone.localdate(voorstel.besluit_op) + __import__(
        "datetime"
    ).timedelta(weeks=6)
    brief = client.get(reverse("initiatieven:besluitbrief", kwargs={"pk": ingediend.pk}))
    tekst = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(b"".join(brief.streaming_content))).pages
    )
    tekst = " ".join(tekst.split())
    assert "voorbehouden" in tekst
    assert "6 weken" in tekst and "college van burgemeester en wethouders" in tekst
    assert voorstel.bezwaar_tot.strftime("%Y") in tekst


def test_traject_zonder_voorstel_krijgt_er_een(
    client, traject, initiatiefnemer, partner, ambtenaar
):
    pagina = reverse("aanbesteden:traject", kwargs={"pk": traject.pk})
    aanmaken = reverse("initiatieven:voorstel_aanmaken", kwargs={"pk": traject.pk})
    client.force_login(partner)
    assert aanmaken not in client.get(pagina).content.decode()
    assert client.post(aanmaken).status_code == 403
    client.force_login(ambtenaar)
    assert client.post(aanmaken).status_code == 403
    client.force_login(initiatiefnemer)
    assert aanmaken in client.get(pagina).content.decode()
    assert client.get(aanmaken).status_code == 405
    antwoord = client.post(aanmaken)
    assert antwoord["Location"] == reverse(
        "initiatieven:voorstel_wijzigen", kwargs={"pk": traject.pk}
    )
    client.post(aanmaken)  # twice: still one
    voorstel = Voorstel.objects.get(traject=traject)
    assert voorstel.soort == "uitdaagrecht" and voorstel.taak == traject.titel
    assert list(voorstel.initiatief.leden.all()) == [initiatiefnemer]


def test_beslistermijn_telt_af_en_kleurt_met_tekst(client, gemeente, ambtenaar, maak_traject):
    from datetime import timedelta

    from django.utils import timezone

    from .factories import voorstel_compleet

    vandaag = timezone.localdate()
    for titel, dagen in [("Ruim", 30), ("Krap", 5), ("Laat", -3)]:
        traject = maak_traject(gemeente, status="ingediend", titel=titel)
        voorstel = voorstel_compleet(traject)
        voorstel.beslissen_voor = vandaag + timedelta(days=dagen)
        voorstel.save()
    client.force_login(ambtenaar)
    pagina = client.get(reverse("initiatieven:voorstellen", kwargs={"gemeente": gemeente.slug}))
    rijen = {
        titel: rij
        for rij in pagina.content.decode().split("<tr>")[1:]
        for titel in ("Ruim", "Krap", "Laat")
        if f">{titel}<" in rij
    }
    assert "nog 30 dagen" in rijen["Ruim"] and "rood" not in rijen["Ruim"]
    assert "bijna verlopen: nog 5 dagen" in rijen["Krap"] and 'class="rood"' in rijen["Krap"]
    assert "verlopen: 3 dagen te laat" in rijen["Laat"] and 'class="rood"' in rijen["Laat"]
    # the overdue one comes first
    assert pagina.content.decode().index(">Laat<") < pagina.content.decode().index(">Ruim<")
