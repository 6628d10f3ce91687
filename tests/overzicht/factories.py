"""Builders of phase data for the overview tests: written straight to the models, so these
tests do not depend on the phase apps' services. Test modules import them from here (its
conftest.py holds only fixtures)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from aanbesteden.constants import PartijSoort


def initiatief_maken(naam="Stichting Buurtpark", publiceren=True, **kw):
    from initiatieven.models import Initiatief

    return Initiatief.objects.create(naam=naam, rechtsvorm="stichting", publiceren=publiceren, **kw)


def opgave_maken(gemeente, titel="Beheer buurthuis", open_=True, **kw):
    from initiatieven.models import Opgave

    nu = timezone.now()
    return Opgave.objects.create(
        gemeente=gemeente,
        titel=titel,
        omschrijving="Het buurthuis openhouden.",
        huidige_kosten=Decimal("50000"),
        kwaliteitsniveau="Vijf dagen per week open.",
        beoordelingscriteria="Draagvlak en kosten.",
        deadline=nu + timedelta(days=30 if open_ else -1),
        contactpersoon_naam="Petra Ambtenaar",
        contactpersoon_email="petra.ambtenaar@gemeente.example",
        status="gepubliceerd",
        gepubliceerd_op=nu - timedelta(days=10),
        **kw,
    )


def voorstel_maken(traject, initiatief=None, opgave=None, **kw):
    from initiatieven.models import Voorstel

    initiatief = initiatief or initiatief_maken()
    return Voorstel.objects.create(
        traject=traject,
        initiatief=initiatief,
        soort="opgave" if opgave else "uitdaagrecht",
        opgave=opgave,
        taak="" if opgave else "Onderhoud van het park",
        **kw,
    )


def horizon_maken(traject, akkoord_gemeente=False, indicatoren=1):
    from initiatieven.models import Horizon, Indicator

    horizon = Horizon.objects.create(
        traject=traject,
        ambitie="Een groen park",
        akkoord_gemeente_op=timezone.now() if akkoord_gemeente else None,
    )
    for n in range(indicatoren):
        Indicator.objects.create(
            horizon=horizon,
            naam=f"Bezoekers {n}",
            eenheid="aantal",
            nulwaarde=Decimal("100"),
            streefwaarde=Decimal("200"),
        )
    return horizon


def route_maken(traject, akkoord_gemeente=False, versie=1):
    from coalities.models import Route, RouteAkkoord

    route, _ = Route.objects.update_or_create(traject=traject, defaults={"versie": versie})
    if akkoord_gemeente:
        RouteAkkoord.objects.create(route=route, versie=versie, partij_soort=PartijSoort.GEMEENTE)
    return route


def versie_maken(traject, nummer=1, status="vastgesteld", **kw):
    from overdracht.models import OvereenkomstVersie

    return OvereenkomstVersie.objects.create(
        traject=traject,
        nummer=nummer,
        status=status,
        startdatum=kw.pop("startdatum", date(2025, 1, 1)),
        looptijd_maanden=12,
        evaluatie_frequentie="halfjaar",
        eerste_evaluatie=date(2025, 7, 1),
        **kw,
    )


def ondertekening_maken(versie, gebruiker, partij=PartijSoort.GEMEENTE, getekend=False, **kw):
    from overdracht.models import Ondertekening

    return Ondertekening.objects.create(
        versie=versie,
        partij_soort=partij,
        ondertekenaar=gebruiker,
        naam=gebruiker.naam or gebruiker.email,
        namens=kw.pop("namens", "Gemeente A"),
        getekend_op=timezone.now() if getekend else None,
        pdf_sha256="a" * 64 if getekend else "",
        **kw,
    )


def moment_maken(traject, gepland_op, status="gepland"):
    from evaluatie.models import Evaluatiemoment

    return Evaluatiemoment.objects.create(traject=traject, gepland_op=gepland_op, status=status)
