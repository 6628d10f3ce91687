"""Test data of overdracht: the builders and constants its tests import (its fixtures, in
``fixtures.py``, use these too)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from aanbesteden.constants import PartijSoort, TrajectStatus
from aanbesteden.models import Traject


def traject_in_overdracht(traject, *, partner_gebruikers, n_mijlpalen: int = 3) -> Traject:
    from coalities.models import Begrotingspost, Inzet, Mijlpaal, Partner, Route, Tranche
    from initiatieven.models import Contactpersoon, Horizon, Indicator, Initiatief, Voorstel

    initiatief = Initiatief.objects.create(
        naam="Stichting Groen Voorstad",
        rechtsvorm="stichting",
        kvk_nummer="12345678",
        straat="Lindelaan 4",
        postcode="7411 AB",
        plaats="Deventer",
        email="info@groenvoorstad.example.org",
    )
    Contactpersoon.objects.create(
        initiatief=initiatief,
        naam="Ilse Bakker",
        email="ilse@example.org",
        telefoon="0612345678",
        functie="voorzitter",
        is_vertegenwoordiger=True,
    )
    Voorstel.objects.create(
        traject=traject,
        initiatief=initiatief,
        soort="uitdaagrecht",
        taak="Beheer en onderhoud van Buurtpark De Vlier",
        omschrijving="Bewoners nemen het groenbeheer van het park over.",
        doelgroep="Bewoners van Voorstad",
        looptijd_maanden=24,
    )
    horizon = Horizon.objects.create(
        traject=traject,
        ambitie="Een schoon en levendig park dat de buurt zelf beheert.",
        beoogde_resultaten="Meer bewoners actief; minder klachten over zwerfafval.",
    )
    ind1 = Indicator.objects.create(
        horizon=horizon,
        naam="Actieve vrijwilligers",
        eenheid="aantal",
        nulwaarde=Decimal("4"),
        streefwaarde=Decimal("25"),
        volgorde=1,
    )
    Indicator.objects.create(
        horizon=horizon,
        naam="Klachten over zwerfafval",
        eenheid="per jaar",
        nulwaarde=Decimal("40"),
        streefwaarde=Decimal("10"),
        hoger_is_beter=False,
        volgorde=2,
    )
    partners = []
    for n, gebruiker in enumerate(partner_gebruikers):
        partners.append(
            Partner.objects.create(
                traject=traject,
                gebruiker=gebruiker,
                organisatie=f"Woonstede Partner {n + 1}",
                contactpersoon=gebruiker.naam or "Contact",
                rol="uitvoerder",
            )
        )
    Route.objects.create(traject=traject, startdatum=datetime.date(2027, 1, 1), looptijd_maanden=24)
    start = datetime.date(2027, 2, 1)
    mijlpalen = []
    for n in range(n_mijlpalen):
        mijlpalen.append(
            Mijlpaal.objects.create(
                traject=traject,
                titel=f"Mijlpaal {n + 1}: plantvakken fase {n + 1}",
                datum=start + datetime.timedelta(days=60 * n),
                omschrijving="Plantvakken aangelegd en onderhouden.",
                indicator=ind1,
            )
        )
    Inzet.objects.create(
        traject=traject,
        partij_soort=PartijSoort.INITIATIEF,
        soort="uren",
        hoeveelheid=Decimal("400"),
        eenheid="uur",
        omschrijving="Vrijwilligers",
    )
    for p in partners:
        Inzet.objects.create(
            traject=traject,
            partij_soort=PartijSoort.PARTNER,
            partner=p,
            soort="geld",
            hoeveelheid=Decimal("2500"),
            eenheid="euro",
            mijlpaal=mijlpalen[0],
        )
    Begrotingspost.objects.create(
        traject=traject, soort="kosten", omschrijving="Beplanting", bedrag=Decimal("12000.50")
    )
    Begrotingspost.objects.create(
        traject=traject, soort="kosten", omschrijving="Gereedschap", bedrag=Decimal("3000")
    )
    Begrotingspost.objects.create(
        traject=traject,
        soort="dekking",
        bron="gemeente",
        omschrijving="Bijdrage gemeente",
        bedrag=Decimal("15000.50"),
    )
    Tranche.objects.create(
        traject=traject,
        mijlpaal=mijlpalen[0],
        omschrijving="Eerste tranche",
        bedrag=Decimal("7500.25"),
        vorm="subsidie",
        datum=datetime.date(2027, 2, 15),
    )
    Tranche.objects.create(
        traject=traject,
        mijlpaal=mijlpalen[-1],
        omschrijving="Tweede tranche",
        bedrag=Decimal("7500.25"),
        vorm="subsidie",
        datum=datetime.date(2027, 6, 15),
    )
    Traject.objects.filter(pk=traject.pk).update(status=TrajectStatus.OVERDRACHT)
    return Traject.objects.get(pk=traject.pk)


def alles_tekenen(versie, *, behalve=()):
    from overdracht.services import ondertekening_tekenen

    for o in versie.ondertekeningen.select_related("ondertekenaar"):
        if o.ondertekenaar in behalve:
            continue
        ondertekening_tekenen(
            ondertekening_id=o.pk,
            door=o.ondertekenaar,
            ip_adres="192.0.2.1",
            getypte_naam=o.naam,
            pdf_sha256=versie.pdf_sha256,
        )
