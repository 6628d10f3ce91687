"""The demo preparation makes phase 2 and 3 requirements hold; mail goes in the recipient's
language."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from aanbesteden.constants import TrajectStatus
from aanbesteden.demo import Demo
from aanbesteden.fasen import fasen
from aanbesteden.models import Traject
from coalities import demo as coalitie_demo
from coalities import services
from coalities.constants import UitnodigingStatus
from coalities.models import Inzet, Mijlpaal, Partner, RouteVersie, Tranche, Uitnodiging
from tests.coalities.factories import in_status, partner_maken, token_uit_mail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EIGEN_CODES = {
    "naar_route": {
        "uitnodigingen_beantwoord",
        "partner_bevestigd",
        "partners_rol",
        "partners_horizon",
    },
    "naar_overdracht": {
        "mijlpaal",
        "route_kader",
        "inzet_partners",
        "begroting_dekt",
        "route_akkoord",
    },
}


def eigen_onvervuld(traject, transitie):
    traject = Traject.objects.get(pk=traject.pk)
    return {v.code for v in fasen.onvervuld(traject, transitie)} & EIGEN_CODES[transitie]


def test_demo_brengt_traject_van_coalitie_naar_overdracht(
    traject, horizon, ambtenaar, initiatiefnemer
):
    partners = [UserFactory(email="p1@demo.example"), UserFactory(email="p2@demo.example")]
    demo = Demo(traject.gemeente, ambtenaar, initiatiefnemer, partners)
    horizon_traject = in_status(traject, TrajectStatus.HORIZON)
    coalitie_demo.demo_open_uitnodiging(traject=horizon_traject, demo=demo)
    coalitie = in_status(traject, TrajectStatus.COALITIE)
    # A coalition in the demo starts with one open invitation.
    assert Uitnodiging.objects.filter(traject=coalitie, status=UitnodigingStatus.OPEN).count() == 1
    assert "uitnodigingen_beantwoord" in eigen_onvervuld(coalitie, "naar_route")
    coalitie_demo.demo_coalitie(traject=coalitie, demo=demo)
    assert eigen_onvervuld(coalitie, "naar_route") == set()
    namen = set(Partner.objects.values_list("organisatie", flat=True))
    assert namen == {"Woningcorporatie Ons Huis", "Sportvereniging De Zwaluwen"}
    route = in_status(traject, TrajectStatus.ROUTE)
    coalitie_demo.demo_route(traject=route, demo=demo)
    assert eigen_onvervuld(route, "naar_overdracht") == set()
    assert 3 <= Mijlpaal.objects.filter(traject=route).count() <= 4
    assert Mijlpaal.objects.filter(traject=route, indicator__isnull=False).exists()
    assert set(Inzet.objects.values_list("partij_soort", flat=True)) == {
        "gemeente",
        "initiatief",
        "partner",
    }
    assert Tranche.objects.filter(traject=route).exists()
    r = services.route_ophalen_of_maken(route)
    assert 12 <= r.looptijd_maanden <= 24 and r.startdatum > date.today()


def test_mail_in_de_taal_van_de_ontvanger(
    route_traject, ambtenaar, initiatiefnemer, coalitie_partner, django_capture_on_commit_callbacks
):
    coalitie_partner.gebruiker.taal = "en"
    coalitie_partner.gebruiker.save()
    services.mijlpaal_opslaan(
        traject=route_traject,
        door=ambtenaar,
        gegevens={
            "titel": "Start",
            "datum": date(2030, 3, 1),
            "verantwoordelijke_soort": "gemeente",
        },
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.route_akkoord_vragen(traject=route_traject, door=ambtenaar)
    per_adres = {m.to[0]: m for m in mail.outbox}
    assert "agreement" in per_adres[coalitie_partner.gebruiker.email].subject.lower()
    assert "akkoord" in per_adres[initiatiefnemer.email].subject


def test_uitnodiging_in_de_taal_van_wie_uitnodigt(
    client, coalitie_traject, ambtenaar, django_capture_on_commit_callbacks
):
    client.force_login(ambtenaar)
    client.post(reverse("aanbesteden:taal"), {"language": "en", "next": "/"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("coalities:uitnodigen", kwargs={"pk": coalitie_traject.pk}),
            {"email": "new@example.org"},
        )
    assert "Invitation" in mail.outbox[-1].subject
    token = token_uit_mail(mail.outbox[-1])
    # The invitee answers in English and the new account keeps that language.
    client.logout()
    client.post(reverse("aanbesteden:taal"), {"language": "en", "next": "/"})
    antwoord = client.post(
        reverse("coalities:uitnodiging", kwargs={"token": token}),
        {
            "actie": "accepteren",
            "organisatie": "Club",
            "soort": "bedrijf",
            "contactpersoon": "Jo",
            "rol": "adviseur",
            "kvk_nummer": "12 34 56 78",
        },
    )
    assert antwoord.status_code == 302
    partner = Partner.objects.get()
    assert partner.kvk_nummer == "12345678"
    assert partner.gebruiker.taal == "en"


def test_uitnodiging_kan_alleen_in_coalitiefase(client, route_traject, initiatiefnemer):
    client.force_login(initiatiefnemer)
    antwoord = client.post(
        reverse("coalities:uitnodigen", kwargs={"pk": route_traject.pk}), {"email": "x@example.org"}
    )
    assert antwoord.status_code == 409
    assert not Uitnodiging.objects.filter(email="x@example.org").exists()


def test_accepteren_als_traject_niet_meer_in_coalitie(client, coalitie_traject):
    _u, token = services._uitnodiging_maken(
        traject=coalitie_traject,
        door=None,
        email="laat@example.org",
        naam="",
        organisatie="",
        bericht="",
    )
    in_status(coalitie_traject, TrajectStatus.HORIZON)
    antwoord = client.get(reverse("coalities:uitnodiging", kwargs={"token": token}))
    assert antwoord.status_code == 410


def test_tweede_partner_met_zelfde_gebruiker_elders(coalitie_traject, ander_coalitie_traject):
    eerste = partner_maken(coalitie_traject, "zelfde@example.org", "Een")
    tweede = partner_maken(ander_coalitie_traject, "zelfde@example.org", "Een")
    assert eerste.gebruiker == tweede.gebruiker
    services.partner_vertrekken(partner=eerste, door=eerste.gebruiker)
    from aanbesteden.permissions import heeft_rol

    gebruiker = eerste.gebruiker
    assert not heeft_rol(gebruiker, Traject.objects.get(pk=coalitie_traject.pk), "partner")
    assert heeft_rol(gebruiker, Traject.objects.get(pk=ander_coalitie_traject.pk), "partner")


def test_mijlpaal_verwijderen_staat_in_het_concept(client, route_traject, initiatiefnemer):
    services.route_kader_opslaan(
        traject=route_traject,
        door=initiatiefnemer,
        startdatum=date(2030, 1, 1),
        looptijd_maanden=12,
    )
    client.force_login(initiatiefnemer)
    antwoord = client.post(
        reverse("coalities:mijlpaal_nieuw", kwargs={"pk": route_traject.pk}),
        {"titel": "Open dag", "datum": "2030-05-01", "verantwoordelijke": "gemeente"},
    )
    assert antwoord.status_code == 302
    m = Mijlpaal.objects.get()
    assert m.verantwoordelijke_soort == "gemeente"
    inzet = Inzet.objects.create(
        traject=route_traject,
        partij_soort="initiatief",
        soort="uren",
        hoeveelheid=4,
        eenheid="uur",
        mijlpaal=m,
    )
    antwoord = client.post(
        reverse(
            "coalities:verwijderen",
            kwargs={"pk": route_traject.pk, "soort": "mijlpaal", "id": m.pk},
        )
    )
    assert antwoord.status_code == 302 and not Mijlpaal.objects.exists()
    inzet.refresh_from_db()
    assert inzet.mijlpaal is None  # the contribution stays, for the whole route
    # The draft says what changed (the route page); asking for agreement makes it a version.
    with translation.override("nl"):
        inhoud = client.get(
            reverse("coalities:route", kwargs={"pk": route_traject.pk})
        ).content.decode()
    assert "Verwijderd: mijlpaal “Open dag”" in inhoud
    assert not RouteVersie.objects.exists()
