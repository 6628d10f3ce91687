"""Demo data of the intake and phase 1: the demo calls, a complete proposal with support, its
assessment and an agreed horizon. Demo code, not part of the running platform: imported only
by ``manage.py seed_demo`` (``aanbesteden.demo.voorbereidingen_laden``)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from aanbesteden.fasen import fasen

from .constants import Meetfrequentie, OpgaveStatus, Rechtsvorm, Score, VoorstelSoort
from .models import Horizon, Opgave, Voorstel

DEMO_OPEN = "Beheer en programmering van buurthuis De Linde"
DEMO_GESLOTEN = "Onderhoud van het groen in Keizerslanden"


def demo_opgaven(*, gemeente, door) -> list[Opgave]:
    """Two published calls for the demo gemeente: one open, one closed. Idempotent."""
    nu = timezone.now()
    open_, _nieuw = Opgave.objects.get_or_create(
        gemeente=gemeente,
        titel=DEMO_OPEN,
        defaults={
            "omschrijving": (
                "De gemeente zoekt bewoners of een buurtorganisatie die het buurthuis beheren "
                "en er een programma voor alle leeftijden maken."
            ),
            "huidige_kosten": Decimal("85000"),
            "kwaliteitsniveau": "Vijf dagen per week open, gemiddeld 120 bezoekers per week.",
            "voorwaarden": "Open voor alle bewoners. Een sluitende begroting.",
            "beoordelingscriteria": "Draagvlak in de wijk, kwaliteit, kosten.",
            "thema": "Ontmoeting",
            "wijk": "Voorstad",
            "deadline": nu + timedelta(days=60),
            "contactpersoon_naam": getattr(door, "naam", "") or "Gemeente",
            "contactpersoon_email": door.email,
            "status": OpgaveStatus.GEPUBLICEERD,
            "gepubliceerd_op": nu - timedelta(days=10),
            "aangemaakt_door": door,
        },
    )
    gesloten, _nieuw = Opgave.objects.get_or_create(
        gemeente=gemeente,
        titel=DEMO_GESLOTEN,
        defaults={
            "omschrijving": "Het onderhoud van plantsoenen en bermen door een buurtcoöperatie.",
            "huidige_kosten": Decimal("42000"),
            "kwaliteitsniveau": "Beeldkwaliteit B volgens de CROW-systematiek.",
            "voorwaarden": "Werken met mensen met afstand tot de arbeidsmarkt.",
            "beoordelingscriteria": "Kwaliteit, kosten, werkgelegenheid in de wijk.",
            "thema": "Groen",
            "wijk": "Keizerslanden",
            "deadline": nu - timedelta(days=5),
            "contactpersoon_naam": getattr(door, "naam", "") or "Gemeente",
            "contactpersoon_email": door.email,
            "status": OpgaveStatus.GESLOTEN,
            "gepubliceerd_op": nu - timedelta(days=90),
            "aangemaakt_door": door,
        },
    )
    return [open_, gesloten]


@fasen.demo("indienen")
def demo_voorstel(*, traject, demo) -> None:
    """A complete proposal with its initiative, contact persons and confirmed support."""
    from .models import Contactpersoon, Initiatief, Steunbetuiging

    open_, _gesloten = demo_opgaven(gemeente=demo.gemeente, door=demo.ambtenaar)
    if Voorstel.objects.filter(traject_id=traject.pk).exists():
        return
    initiatief = Initiatief.objects.filter(naam="Stichting Samen in de Wijk").first()
    if initiatief is None:
        initiatief = Initiatief.objects.create(
            naam="Stichting Samen in de Wijk",
            rechtsvorm=Rechtsvorm.STICHTING,
            kvk_nummer="12345678",
            straat="Brinkgreverweg 12",
            postcode="7413 AB",
            plaats="Deventer",
            email=demo.initiatiefnemer.email,
            website="https://samenindewijk.example.org",
            publiceren=True,  # the demo initiative agreed to be named in the register
        )
        initiatief.leden.add(demo.initiatiefnemer)
        Contactpersoon.objects.create(
            initiatief=initiatief,
            naam=demo.initiatiefnemer.naam or "Ilse Bakker",
            email=demo.initiatiefnemer.email,
            telefoon="0612345678",
            functie="Voorzitter",
            is_vertegenwoordiger=True,
        )
        Contactpersoon.objects.create(
            initiatief=initiatief,
            naam="Mohamed El Amrani",
            email="lid@demo.nl",
            functie="Penningmeester",
        )
    antwoord = "buurthuis" in traject.titel.lower() and traject.gemeente_id == open_.gemeente_id
    voorstel = Voorstel.objects.create(
        traject=traject,
        initiatief=initiatief,
        soort=VoorstelSoort.OPGAVE if antwoord else VoorstelSoort.UITDAAGRECHT,
        opgave=open_ if antwoord else None,
        taak="" if antwoord else f"{traject.titel} (nu uitgevoerd door de gemeente)",
        omschrijving=(
            f"{traject.titel}: bewoners nemen deze taak over van de gemeente. Vrijwilligers uit "
            "de buurt doen het werk, met steun van een betaalde coördinator."
        ),
        bijdrage_gemeentedoelen=(
            "Meer ontmoeting, minder eenzaamheid, een schonere en veiligere wijk."
        ),
        doelgroep="Alle bewoners van de wijk, in het bijzonder ouderen en jongeren.",
        bereik=450,
        kostenraming=Decimal("62000"),
        huidige_kosten=open_.huidige_kosten if antwoord else Decimal("70000"),
        eigen_bijdrage=Decimal("8000"),
        looptijd_maanden=36,
    )
    for i, naam in enumerate(["Fatima Yilmaz", "Jan de Boer", "Sanne Mulder"]):
        Steunbetuiging.objects.create(
            voorstel=voorstel,
            naam=naam,
            email=f"steun{i + 1}.{traject.pk}@demo.nl",
            token_hash=f"demo-{traject.pk}-{i}",
            bevestigd_op=timezone.now(),
        )


def _demo_beoordeling(*, traject, demo, positief: bool) -> None:
    from .models import Beoordeling, Criteriumscore
    from .selectors import criteria_voor_gemeente

    voorstel = Voorstel.objects.get(traject_id=traject.pk)
    beoordeling, _nieuw = Beoordeling.objects.get_or_create(
        voorstel=voorstel,
        defaults={
            "beoordelaar": demo.ambtenaar,
            "samenvatting": "Sterk geworteld in de wijk."
            if positief
            else "Sympathiek, maar de taak is aan de gemeente voorbehouden.",
        },
    )
    for i, criterium in enumerate(criteria_voor_gemeente(gemeente=traject.gemeente)):
        score = Score.VOLDOET if positief or i else Score.VOLDOET_NIET
        Criteriumscore.objects.get_or_create(
            beoordeling=beoordeling,
            criterium=criterium,
            defaults={"score": score, "toelichting": "Toegelicht in het intakegesprek."},
        )


@fasen.demo("toelaten")
def demo_toelaten(*, traject, demo) -> None:
    _demo_beoordeling(traject=traject, demo=demo, positief=True)


@fasen.demo("afwijzen")
def demo_afwijzen(*, traject, demo) -> None:
    _demo_beoordeling(traject=traject, demo=demo, positief=False)


@fasen.demo("naar_coalitie")
def demo_horizon(*, traject, demo) -> None:
    """A horizon with three indicators, approved by both sides."""
    from .models import Indicator

    horizon, _nieuw = Horizon.objects.get_or_create(traject_id=traject.pk)
    if horizon.goedgekeurd:
        return
    horizon.ambitie = (
        "Over drie jaar is dit een plek van en voor de buurt, open voor iedereen en gedragen "
        "door vrijwilligers."
    )
    horizon.beoogde_resultaten = "Meer bewoners doen mee; minder eenzaamheid; lagere kosten."
    if not horizon.indicatoren.exists():
        for volgorde, (naam, eenheid, nul, doel, hoger, freq) in enumerate(
            [
                ("Bezoekers per week", "aantal", "120", "180", True, Meetfrequentie.KWARTAAL),
                ("Actieve vrijwilligers", "aantal", "15", "30", True, Meetfrequentie.HALFJAAR),
                ("Bewoners die zich eenzaam voelen", "%", "24", "18", False, Meetfrequentie.JAAR),
            ],
            start=1,
        ):
            Indicator.objects.create(
                horizon=horizon,
                naam=naam,
                eenheid=eenheid,
                nulwaarde=Decimal(nul),
                streefwaarde=Decimal(doel),
                hoger_is_beter=hoger,
                meetmethode="Telling en enquête door het initiatief.",
                meetfrequentie=freq,
                volgorde=volgorde,
            )
    nu = timezone.now()
    horizon.akkoord_gemeente_op, horizon.akkoord_gemeente_door = nu, demo.ambtenaar
    horizon.akkoord_initiatief_op, horizon.akkoord_initiatief_door = nu, demo.initiatiefnemer
    horizon.save()
