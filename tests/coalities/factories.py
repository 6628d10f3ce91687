"""Test data of coalities: the builders and constants its tests import (its conftest.py
holds only the fixtures, which use these too)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from aanbesteden.models import Traject
from coalities import services
from coalities.constants import HorizonOordeel
from coalities.models import Partner
from initiatieven.models import Horizon
from tests.factories import UserFactory, status_zetten

LINK = re.compile(r"/uitnodiging/([A-Za-z0-9_\-]+)/")


def in_status(traject: Traject, status: str) -> Traject:
    return status_zetten(traject, status)


def token_uit_mail(mail) -> str:
    match = LINK.search(mail.body)
    assert match, mail.body
    return match.group(1)


def partner_maken(traject: Traject, email: str, organisatie: str = "Stichting Buurt", **extra):
    """Invite and accept directly (no mail), as in the demo. The traject must be in coalitie.
    The partner agrees to the horizon as it is (when there is one), unless
    ``horizon_akkoord=False``."""
    UserFactory(email=email) if extra.pop("bestaand", False) else None
    horizon_akkoord = extra.pop("horizon_akkoord", True)
    _uitnodiging, token = services._uitnodiging_maken(
        traject=traject, door=None, email=email, naam="", organisatie=organisatie, bericht=""
    )
    gegevens = {"contactpersoon": "Contact", "rol": "uitvoerder", **extra}
    partner = services.uitnodiging_accepteren(token=token, organisatie=organisatie, **gegevens)
    versie = Horizon.objects.filter(traject=traject).values_list("versie", flat=True).first()
    if horizon_akkoord and versie is not None:
        Partner.objects.filter(pk=partner.pk).update(
            horizon_oordeel=HorizonOordeel.AKKOORD, horizon_versie=versie
        )
        partner.refresh_from_db()
    return partner


def route_compleet(traject: Traject, ambtenaar, initiatiefnemer, partners: list[Partner]):
    """Fill a route so that every requirement of naar_overdracht holds."""
    traject = Traject.objects.get(pk=traject.pk)
    services.route_kader_opslaan(
        traject=traject,
        door=initiatiefnemer,
        startdatum=date(2030, 1, 1),
        looptijd_maanden=12,
    )
    m = services.mijlpaal_opslaan(
        traject=traject,
        door=initiatiefnemer,
        gegevens={
            "titel": "Start",
            "omschrijving": "",
            "datum": date(2030, 3, 1),
            "indicator": None,
            "verantwoordelijke_soort": "initiatief",
            "verantwoordelijke_partner": None,
        },
    )
    for partner in partners:
        services.inzet_opslaan(
            traject=traject,
            door=partner.gebruiker,
            gegevens={
                "partij_soort": "partner",
                "partner": partner,
                "soort": "uren",
                "hoeveelheid": Decimal("10"),
                "eenheid": "uur",
                "omschrijving": "",
                "mijlpaal": None,
            },
        )
        services.inzet_bevestigen(
            traject=traject, door=partner.gebruiker, partij_soort="partner", partner=partner
        )
    for soort, bron, bedrag in [("kosten", "", "1000"), ("dekking", "gemeente", "1000")]:
        services.begrotingspost_opslaan(
            traject=traject,
            door=initiatiefnemer,
            gegevens={
                "soort": soort,
                "bron": bron,
                "omschrijving": soort,
                "bedrag": Decimal(bedrag),
                "mijlpaal": None,
            },
        )
    services.tranche_opslaan(
        traject=traject,
        door=ambtenaar,
        gegevens={
            "omschrijving": "Eerste tranche",
            "bedrag": Decimal("1000"),
            "vorm": "subsidie",
            "mijlpaal": m,
            "datum": date(2030, 3, 1),
        },
    )
    versie = services.route_akkoord_vragen(traject=traject, door=ambtenaar).versie
    services.route_akkoord_geven(
        traject=traject, door=initiatiefnemer, partij_soort="initiatief", versie=versie
    )
    for partner in partners:
        services.route_akkoord_geven(
            traject=traject,
            door=partner.gebruiker,
            partij_soort="partner",
            partner=partner,
            versie=versie,
        )
    return traject
