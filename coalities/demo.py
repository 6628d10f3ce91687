"""Demo data of phases 2 and 3: an open invitation, two partners who accept, and a complete
route everybody agreed to. Demo code, not part of the running platform: imported only by
``manage.py seed_demo`` (``aanbesteden.demo.voorbereidingen_laden``)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext

from aanbesteden.constants import PartijSoort
from aanbesteden.fasen import fasen

from .constants import PartnerStatus, UitnodigingStatus
from .models import Mijlpaal, Partner, Uitnodiging

DEMO_PARTNERS = [
    {
        "organisatie": "Woningcorporatie Ons Huis",
        "soort": "organisatie",
        "rechtsvorm": "Stichting",
        "kvk_nummer": "41000001",
        "rol": "financier",
        "telefoon": "0570 123 456",
    },
    {
        "organisatie": "Sportvereniging De Zwaluwen",
        "soort": "organisatie",
        "rechtsvorm": "Vereniging",
        "kvk_nummer": "",
        "rol": "uitvoerder",
        "telefoon": "",
    },
]


@fasen.demo("naar_coalitie")
def demo_open_uitnodiging(*, traject, demo) -> None:
    """Every demo coalition starts with an invitation that is still open."""
    from .services import _uitnodiging_maken

    if Uitnodiging.objects.filter(traject=traject).exists():
        return
    _uitnodiging_maken(
        traject=traject,
        door=demo.initiatiefnemer,
        email=f"buurtvereniging.{traject.pk}@demo.nl",
        naam="Fatima Yilmaz",
        organisatie="Buurtvereniging De Kern",
        bericht="Wij zouden het mooi vinden als u meedoet.",
    )


@fasen.demo("naar_route")
def demo_coalitie(*, traject, demo) -> None:
    """Invite the demo partners and accept as them, agreeing to the horizon; withdraw the
    invitation nobody answered."""
    from .services import (
        _uitnodiging_maken,
        horizon_oordeel_geven,
        uitnodiging_accepteren,
        uitnodiging_intrekken,
    )

    for open_uitnodiging in Uitnodiging.objects.filter(
        traject=traject, status=UitnodigingStatus.OPEN
    ):
        uitnodiging_intrekken(uitnodiging=open_uitnodiging, door=demo.initiatiefnemer)
    for gebruiker, gegevens in zip(demo.partners, DEMO_PARTNERS, strict=False):
        if Partner.objects.filter(traject=traject, gebruiker=gebruiker).exists():
            continue
        _uitnodiging, token = _uitnodiging_maken(
            traject=traject,
            door=demo.initiatiefnemer,
            email=gebruiker.email,
            naam=gebruiker.naam,
            organisatie=gegevens["organisatie"],
            bericht="",
        )
        uitnodiging_accepteren(
            token=token,
            contactpersoon=gebruiker.naam or gebruiker.email,
            publiceren=True,
            **gegevens,
        )
    horizon = getattr(type(traject).objects.get(pk=traject.pk), "horizon", None)
    if horizon is not None:
        for partner in Partner.objects.filter(traject=traject, status=PartnerStatus.BEVESTIGD):
            horizon_oordeel_geven(
                traject=traject, door=partner.gebruiker, versie=horizon.versie, akkoord=True
            )


@fasen.demo("naar_overdracht")
def demo_route(*, traject, demo) -> None:
    """A route of 18 months with milestones, contributions, a covering budget, tranches and
    everybody's agreement."""
    from . import services

    if Mijlpaal.objects.filter(traject=traject).exists():
        return
    traject = type(traject).objects.get(pk=traject.pk)
    door = demo.initiatiefnemer
    start = timezone.localdate().replace(day=1) + timedelta(days=32)
    start = start.replace(day=1)
    services.route_kader_opslaan(traject=traject, door=door, startdatum=start, looptijd_maanden=18)
    indicatoren = []
    horizon = getattr(traject, "horizon", None)
    if horizon is not None:
        indicatoren = list(horizon.indicatoren.all()[:4])
    partners = list(
        Partner.objects.filter(traject=traject, status=PartnerStatus.BEVESTIGD).order_by("pk")
    )

    def dag(maanden: int) -> date:
        from aanbesteden.opmaak import maanden_later

        return maanden_later(start, maanden)

    mijlpalen_gegevens = [
        ("Startbijeenkomst met de buurt", 1, PartijSoort.INITIATIEF, None),
        ("Vrijwilligers geworven en getraind", 5, PartijSoort.PARTNER, 0),
        ("Eerste half jaar draait volledig", 10, PartijSoort.INITIATIEF, None),
        ("Eindevaluatie en verslag aan de gemeente", 17, PartijSoort.GEMEENTE, None),
    ]
    mijlpalen = []
    for i, (titel, maand, soort, partner_index) in enumerate(mijlpalen_gegevens):
        partner = partners[partner_index] if soort == PartijSoort.PARTNER and partners else None
        mijlpalen.append(
            services.mijlpaal_opslaan(
                traject=traject,
                door=door,
                gegevens={
                    "titel": titel,
                    "omschrijving": "",
                    "datum": dag(maand),
                    "indicator": indicatoren[i % len(indicatoren)] if indicatoren else None,
                    "verantwoordelijke_soort": soort
                    if partner or soort != "partner"
                    else "initiatief",
                    "verantwoordelijke_partner": partner,
                },
            )
        )
    inzet = [
        (PartijSoort.INITIATIEF, None, demo.initiatiefnemer, "uren", "800", "uur", "Vrijwilligers"),
        (PartijSoort.GEMEENTE, None, demo.ambtenaar, "kennis", "40", "uur", "Advies wijkteam"),
    ]
    for i, p in enumerate(partners):
        if i % 2 == 0:
            inzet.append(
                (PartijSoort.PARTNER, p, p.gebruiker, "faciliteiten", "1", "ruimte", "Buurtkamer")
            )
            inzet.append((PartijSoort.PARTNER, p, p.gebruiker, "geld", "5000", "euro", "Bijdrage"))
        else:
            inzet.append((PartijSoort.PARTNER, p, p.gebruiker, "uren", "200", "uur", "Trainers"))
    for soort, partner, gebruiker, inzet_soort, hoeveelheid, eenheid, omschrijving in inzet:
        services.inzet_opslaan(
            traject=traject,
            door=gebruiker,
            gegevens={
                "partij_soort": soort,
                "partner": partner,
                "soort": inzet_soort,
                "hoeveelheid": Decimal(hoeveelheid),
                "eenheid": eenheid,
                "omschrijving": omschrijving,
                "mijlpaal": None,
            },
        )
    bevestigd = set()
    for soort, partner, gebruiker, *_rest in inzet:
        if (soort, partner) not in bevestigd:
            bevestigd.add((soort, partner))
            services.inzet_bevestigen(
                traject=traject, door=gebruiker, partij_soort=soort, partner=partner
            )
    posten = [
        ("kosten", "", "Coördinator (0,2 fte)", "18000"),
        ("kosten", "", "Materialen en verzekering", "6500"),
        ("dekking", "gemeente", "Bijdrage gemeente", "16000"),
        ("dekking", "eigen", "Eigen bijdrage initiatief", "3500"),
        ("dekking", "partner", "Bijdrage partner", "5000"),
    ]
    for soort, bron, omschrijving, bedrag in posten:
        services.begrotingspost_opslaan(
            traject=traject,
            door=door,
            gegevens={
                "soort": soort,
                "bron": bron,
                "omschrijving": omschrijving,
                "bedrag": Decimal(bedrag),
                "mijlpaal": None,
            },
        )
    for mijlpaal, bedrag, vorm in [
        (mijlpalen[0], "8000", "subsidie"),
        (mijlpalen[2], "8000", "subsidie"),
    ]:
        services.tranche_opslaan(
            traject=traject,
            door=demo.ambtenaar,
            gegevens={
                "omschrijving": gettext("Tranche bij: %(titel)s") % {"titel": mijlpaal.titel},
                "bedrag": Decimal(bedrag),
                "vorm": vorm,
                "mijlpaal": mijlpaal,
                "datum": mijlpaal.datum,
            },
        )
    traject = type(traject).objects.get(pk=traject.pk)
    route = services.route_akkoord_vragen(traject=traject, door=demo.ambtenaar)
    services.route_akkoord_geven(
        traject=traject, door=demo.initiatiefnemer, partij_soort="initiatief", versie=route.versie
    )
    for p in partners:
        services.route_akkoord_geven(
            traject=traject,
            door=p.gebruiker,
            partij_soort="partner",
            partner=p,
            versie=route.versie,
        )
