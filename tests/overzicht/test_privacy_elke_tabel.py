"""Export and erasure reach every table of the register of personal data. One person has data
in every declared table: log-ins and lock-outs, sessions, the timeline, uploads, invitations,
a partner with a KvK number, … The export holds rows of every declaration (and the files); after
the erasure no table of the register holds their e-mail address, name, phone, IP address, KvK
number or browser, except the rows the register keeps for the gemeente, and exactly those."""

from __future__ import annotations

import io
import json
import os
import zipfile
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import signals
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_fsm_log.models import StateLog

from aanbesteden import services as kern
from aanbesteden.models import Traject, User, Werk
from aanbesteden.persoonsgegevens import register
from meldingen.models import Dagoverzicht, Notificatie, NotificatieVoorkeur, Uitgaandemail
from overzicht.models import Dossier
from tests.factories import TrajectFactory, UserFactory
from tests.initiatieven.factories import PDF_BYTES

from .factories import (
    horizon_maken,
    initiatief_maken,
    moment_maken,
    ondertekening_maken,
    opgave_maken,
    route_maken,
    versie_maken,
    voorstel_maken,
)

EMAIL = "pieter.wissink@example.org"
NAAM = "Pieter Wissink"
TELEFOON = "0698765432"
IP = "203.0.113.77"
KVK = "87654321"
BROWSER = "PietersBrowser/7.1"
WACHTWOORD = "een-lang-wachtwoord-van-pieter"
KENMERKEN = [EMAIL, NAAM, TELEFOON, IP, KVK, BROWSER]


def _inloggen_via_axes(user, *, gelukt: bool):
    """A log-in (or failed attempt) as every log-in view reports it: Django's auth signals,
    on which django-axes writes its records."""
    verzoek = RequestFactory().post(
        reverse("accounts:inloggen"),
        {"username": EMAIL, "password": "fout"},
        REMOTE_ADDR=IP,
        HTTP_USER_AGENT=BROWSER,
    )
    if gelukt:
        signals.user_logged_in.send(sender=User, request=verzoek, user=user)
    else:
        signals.user_login_failed.send(
            sender=User, credentials={"username": EMAIL}, request=verzoek
        )


@pytest.fixture
def pieter(gemeente, andere_gemeente, ambtenaar, settings, client):
    """Pieter: initiatiefnemer and partner in gemeente A, official of gemeente B, with data in
    every table the register declares."""
    from coalities.models import Inzet, Partner, RouteAkkoord, RouteVersie, Uitnodiging
    from evaluatie.models import Evaluatie, EvaluatieBijdrage
    from initiatieven.bestandscontrole import PDF
    from initiatieven.models import (
        Beoordeling,
        Besluitbrief,
        Contactpersoon,
        HorizonVersie,
        Steunbetuiging,
    )
    from initiatieven.services import bijlage_toevoegen

    settings.AXES_ENABLE_ACCESS_FAILURE_LOG = True
    pieter = UserFactory(email=EMAIL, naam=NAAM, telefoon=TELEFOON, password=WACHTWOORD)
    User.objects.filter(pk=pieter.pk).update(ical_sleutel="s" * 32)
    kern.lidmaatschap_toevoegen(gemeente=andere_gemeente, gebruiker=pieter)
    # As an official, Pieter has an authenticator app and recovery codes (the second factor).
    from django_otp.plugins.otp_static.models import StaticDevice

    StaticDevice.objects.create(user=pieter, name="backup").token_set.create(token="herstel12")
    anderen = UserFactory(email="anderen@example.org", naam="Anna Ander")

    # Log-ins: a failed attempt, a log-in, a session.
    _inloggen_via_axes(pieter, gelukt=True)
    _inloggen_via_axes(pieter, gelukt=False)
    client.force_login(pieter)

    # His own initiative, in concept, with an upload whose name says who he is.
    eigen = TrajectFactory(gemeente=gemeente, initiatiefnemer=pieter, titel="Vlierpark")
    initiatief = initiatief_maken(
        naam="Bewonersgroep De Vlier",
        straat="Vlierstraat 3",
        postcode="7411 AB",
        plaats="Deventer",
        email=EMAIL,
    )
    initiatief.rechtsvorm = "informeel"  # a group of residents: its address is theirs
    initiatief.save()
    initiatief.leden.add(pieter)
    Contactpersoon.objects.create(
        initiatief=initiatief, naam=NAAM, email=EMAIL, telefoon=TELEFOON, functie="trekker"
    )
    concept = voorstel_maken(eigen, initiatief=initiatief)
    bijlage_toevoegen(
        voorstel=concept,
        door=pieter,
        bestand=SimpleUploadedFile(f"{NAAM} cv.html", PDF_BYTES),
        mime=PDF,
        soort="bijlage",
    )
    horizon = horizon_maken(eigen)
    horizon.akkoord_initiatief_door = pieter
    horizon.akkoord_initiatief_op = timezone.now()
    horizon.save()
    HorizonVersie.objects.create(
        horizon=horizon, versie=1, inhoud={"ambitie": "Een park"}, gewijzigd_door=pieter
    )
    StateLog.objects.create(
        content_object=eigen,
        by=pieter,
        source_state="ingediend",
        state="ingetrokken",
        transition="intrekken",
        description=f"{NAAM} verhuist, bel {TELEFOON}",
    )
    Notificatie.objects.create(
        ontvanger=pieter, traject=eigen, soort="overig", onderwerp=f"Hallo {NAAM}", tekst="x"
    )
    NotificatieVoorkeur.objects.create(gebruiker=pieter, soort="voorstel", bezorging="dagoverzicht")
    Dagoverzicht.objects.create(gebruiker=pieter, datum=date(2025, 3, 1), aantal=1)
    # A mail owed to him (the mail outbox) and a log-in link he asked for (owed work).
    Uitgaandemail.objects.create(adres=EMAIL, onderwerp=f"Voor {NAAM}", tekst=f"Beste {NAAM}")
    Werk.objects.create(
        taak="accounts.tasks.inloglink_mailen", argumenten={"email": EMAIL}, sleutel="s" * 64
    )
    dossier = Dossier.objects.create(traject=eigen, aangevraagd_door=pieter, status="klaar")
    # A permission on an object other than a traject (given in the admin): guardian's generic
    # table.
    from guardian.shortcuts import assign_perm

    assign_perm("overzicht.view_dossier", pieter, dossier)

    # A second proposal of his initiative, submitted: its upload belongs to the gemeente.
    ingediend = TrajectFactory(gemeente=gemeente, initiatiefnemer=pieter, titel="Speeltuin")
    ingediend_voorstel = voorstel_maken(ingediend, initiatief=initiatief)
    bewaarde_bijlage = bijlage_toevoegen(
        voorstel=ingediend_voorstel,
        door=pieter,
        bestand=SimpleUploadedFile(f"handtekeningen {NAAM}.pdf", PDF_BYTES),
        mime=PDF,
        soort="draagvlak",
    )
    Traject.objects.filter(pk=ingediend.pk).update(status="ingediend")
    ingediend_voorstel.ingediend_op = timezone.now()
    ingediend_voorstel.save()
    brief = Besluitbrief.objects.create(voorstel=ingediend_voorstel, status="klaar")
    brief.bestand.save("besluitbrief.pdf", ContentFile(PDF_BYTES))

    # Somebody else's traject in A: Pieter is a partner (a resident, with a KvK number),
    # invited, supporting, agreeing, signing (not yet), evaluating.
    ander = TrajectFactory(gemeente=gemeente, initiatiefnemer=anderen, titel="Buurthuis")
    ander_voorstel = voorstel_maken(ander, initiatief=initiatief_maken(naam="Stichting Huis"))
    Steunbetuiging.objects.create(
        voorstel=ander_voorstel, naam=NAAM, email=EMAIL, token_hash="a" * 64, postcode="1234 AB"
    )
    # He reacts on its public page (as an official of B he hides a reaction there, below).
    from initiatieven.models import Reactie

    Reactie.objects.create(
        traject=ander, plek="voorstel", tekst=f"Ik ben {NAAM}", naam=NAAM, email=EMAIL
    )
    uitnodiging = Uitnodiging.objects.create(
        traject=ander,
        email=EMAIL,
        naam=NAAM,
        organisatie=NAAM,
        bericht=f"Beste {NAAM}, doe mee!",
        token_hash="b" * 64,
        verloopt_op=timezone.now() + timedelta(days=7),
        verzonden_op=timezone.now(),
        status="geaccepteerd",
    )
    Uitnodiging.objects.create(
        traject=ander,
        email="iemand@example.org",
        token_hash="c" * 64,
        verloopt_op=timezone.now() + timedelta(days=7),
        verzonden_op=timezone.now(),
        uitgenodigd_door=pieter,
    )
    partner = Partner.objects.create(
        traject=ander,
        gebruiker=pieter,
        uitnodiging=uitnodiging,
        soort="bewoner",
        organisatie=NAAM,
        kvk_nummer=KVK,
        contactpersoon=NAAM,
        telefoon=TELEFOON,
    )
    route = route_maken(ander)
    RouteVersie.objects.create(route=route, versie=1, inhoud={}, gewijzigd_door=pieter)
    RouteAkkoord.objects.create(
        route=route, versie=1, partij_soort="partner", partner=partner, gegeven_door=pieter
    )
    Inzet.objects.create(
        traject=ander,
        partij_soort="partner",
        partner=partner,
        soort="uren",
        hoeveelheid=Decimal("10"),
        eenheid="uur",
        bevestigd_door=pieter,
        bevestigd_op=timezone.now(),
    )
    versie = versie_maken(
        ander,
        inhoud={
            "contactpersonen": [{"label": NAAM, "email": EMAIL, "telefoon": TELEFOON}],
            "partners": [{"label": NAAM, "kvk_nummer": KVK}],
        },
    )
    open_handtekening = ondertekening_maken(
        versie, pieter, partij="partner", partner=partner, namens=NAAM, ip_adres=IP
    )
    from accounts.models import IdentiteitKoppeling
    from accounts.services import identiteit_sleutel

    IdentiteitKoppeling.objects.create(
        gebruiker=pieter,
        middel="digid",
        sleutel=identiteit_sleutel(middel="digid", waarde="999993653"),
    )
    moment = moment_maken(ander, date(2025, 7, 1), status="afgerond")
    evaluatie = Evaluatie.objects.create(moment=moment)
    EvaluatieBijdrage.objects.create(
        evaluatie=evaluatie, partij_soort="partner", partner=partner, ingevuld_door=pieter
    )

    # As official of gemeente B: a decision, an assessment, an evaluation, a call, the admin.
    in_b = TrajectFactory(gemeente=andere_gemeente, initiatiefnemer=anderen, titel="Markt")
    opgave = opgave_maken(andere_gemeente)
    opgave.contactpersoon_naam, opgave.contactpersoon_email = NAAM, EMAIL
    opgave.aangemaakt_door = pieter
    opgave.save()
    b_voorstel = voorstel_maken(in_b, initiatief=initiatief_maken(naam="Marktvereniging"))
    b_voorstel.besloten_door, b_voorstel.besluit = pieter, "toegelaten"
    b_voorstel.save()
    Beoordeling.objects.create(voorstel=b_voorstel, beoordelaar=pieter, samenvatting="Goed.")
    besluit = StateLog.objects.create(
        content_object=in_b,
        by=pieter,
        source_state="ingediend",
        state="horizon",
        transition="toelaten",
        description="Het voorstel past bij de opgave.",
    )
    b_moment = moment_maken(in_b, date(2025, 7, 1), status="afgerond")
    Evaluatie.objects.create(moment=b_moment, besloten_door=pieter, conclusie="doorgaan")
    beheer = LogEntry.objects.create(
        user=pieter,
        content_type=ContentType.objects.get_for_model(Traject),
        object_id=str(in_b.pk),
        object_repr="Markt",
        action_flag=CHANGE,
        change_message="[]",
    )
    Reactie.objects.create(
        traject=in_b,
        plek="voorstel",
        tekst="Een reactie",
        verborgen_op=timezone.now(),
        verborgen_door=pieter,
        verborgen_reden="Beledigend",
    )
    return {
        "user": pieter,
        "bewaard": {
            "archiefdossiers": [Dossier.objects.get().pk],
            "tijdlijn": [besluit.pk],
            "beheerhandelingen": [beheer.pk],
            "bijlagen": [bewaarde_bijlage.pk],
            "besluitbrieven": [brief.pk],
            "overeenkomsten": [versie.pk],
        },
        "open_handtekening": open_handtekening,
    }


def _kenmerken_in(model) -> list[tuple[str, object, str]]:
    """(model, pk, field) of every value in ``model``'s table that holds one of Pieter's
    identifying values, whoever's row it is."""
    gevonden = []
    velden = [
        v
        for v in model._meta.concrete_fields
        if isinstance(
            v,
            models.CharField
            | models.TextField
            | models.GenericIPAddressField
            | models.JSONField
            | models.FileField,
        )
    ]
    for rij in model._default_manager.all():
        for veld in velden:
            waarde = getattr(rij, veld.attname)
            tekst = json.dumps(waarde) if isinstance(veld, models.JSONField) else str(waarde or "")
            if isinstance(veld, models.FileField):
                tekst = waarde.name if waarde else ""
            if any(k.lower() in tekst.lower() for k in KENMERKEN):
                gevonden.append((model._meta.label, rij.pk, veld.name))
    return gevonden


def test_export_bevat_elke_geregistreerde_tabel(pieter, client):
    data = json.loads(client.get(reverse("overzicht:privacy_export")).content)
    leeg = [o.sleutel for o in register.onderdelen() if not data.get(o.sleutel)]
    assert not leeg, f"Geen rijen in de export van: {leeg}"
    assert data["inloggen"][0]["ip_address"] == IP
    assert data["inloggen"][0]["user_agent"] == BROWSER
    assert data["inlogpogingen"][0]["ip_address"] == IP
    assert data["partners"][0]["kvk_nummer"] == KVK
    assert data["tijdlijn"][0]["description"].startswith(NAAM)
    assert {v["versie"] for v in data["horizonversies"]} == {1}

    antwoord = client.get(reverse("overzicht:privacy_export_zip"))
    assert antwoord["Content-Type"] == "application/zip"
    assert "attachment" in antwoord["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(antwoord.content)) as zf:
        namen = zf.namelist()
        zip_data = json.loads(zf.read("mijn-gegevens.json"))
        uploads = [n for n in namen if n.startswith("bestanden/bijlagen/")]
        assert len(uploads) == 2 and all(n.endswith(".pdf") for n in uploads)
        assert all(zf.read(n) == PDF_BYTES for n in uploads)
        assert any(n.startswith("bestanden/besluitbrieven/") for n in namen)
    assert sorted(b["bestanden"]["bestand"] for b in zip_data["bijlagen"]) == sorted(uploads)
    assert {b["naam"] for b in zip_data["bijlagen"]} == {
        f"{NAAM} cv.pdf",
        f"handtekeningen {NAAM}.pdf",
    }


def test_na_wissen_staat_niets_meer_in_een_geregistreerde_tabel(
    pieter, client, settings, django_capture_on_commit_callbacks
):
    modellen = {o.model for o in register.onderdelen()}
    voor = [h for m in modellen for h in _kenmerken_in(m)]
    assert {label for label, _pk, _veld in voor} >= {
        "axes.AccessLog",
        "axes.AccessAttempt",
        "axes.AccessFailureLog",
        "coalities.Partner",
        "django_fsm_log.StateLog",
        "initiatieven.Bijlage",
        "overdracht.Ondertekening",
    }
    pieter_pk = pieter["user"].pk

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("overzicht:privacy_wissen"), {"bevestiging": "on"})
    assert antwoord.status_code == 200
    verslag = antwoord.context["verslag"]
    assert verslag.bewaard_rijen == pieter["bewaard"]

    bewaard = {
        (register.onderdeel(sleutel).label, pk)
        for sleutel, pks in verslag.bewaard_rijen.items()
        for pk in pks
    }
    na = [h for m in modellen for h in _kenmerken_in(m)]
    buiten_bewaard = [h for h in na if (h[0], h[1]) not in bewaard]
    assert not buiten_bewaard, buiten_bewaard
    # Only the agreement's own snapshot (kept for the gemeente) still names him.
    assert {(label, veld) for label, _pk, veld in na} == {
        ("overdracht.OvereenkomstVersie", "inhoud")
    }

    # No session of his is left, and no stored file carries his name.
    assert not any(
        str(s.get_decoded().get("_auth_user_id")) == str(pieter_pk) for s in Session.objects.all()
    )
    for _map, _mappen, bestanden in os.walk(settings.MEDIA_ROOT):
        for naam in bestanden:
            assert not any(k.lower() in naam.lower() for k in KENMERKEN), naam

    # Rows kept for the gemeente are cut loose from him where the register says so.
    from initiatieven.models import Bijlage

    over = Bijlage.objects.get()
    assert over.geupload_door_id is None and over.naam == f"bijlage-{over.pk}.pdf"
    with over.bestand.open("rb") as f:
        assert f.read() == PDF_BYTES
    besluit = StateLog.objects.get(pk=pieter["bewaard"]["tijdlijn"][0])
    assert besluit.by_id is None and besluit.description == "Het voorstel past bij de opgave."
    assert not StateLog.objects.filter(by_id=pieter_pk).exists()
    user = User.objects.get(pk=pieter_pk)
    assert not user.is_active and not user.has_usable_password() and not user.groups.exists()
    assert user.ical_sleutel == "" and user.last_login is None
