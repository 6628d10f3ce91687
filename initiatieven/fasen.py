"""What this phase adds to the traject state machine (requirements, follow-ups, demo)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbesteden.constants import Rol
from aanbesteden.fasen import fasen

from .constants import (
    Besluit,
    BijlageSoort,
    Meetfrequentie,
    OpgaveStatus,
    Rechtsvorm,
    Score,
    VoorstelSoort,
)
from .models import Horizon, Opgave, Voorstel

#: Legal forms registered at the Kamer van Koophandel: they need a KvK number.
KVK_VERPLICHT = frozenset(
    {Rechtsvorm.STICHTING, Rechtsvorm.VERENIGING, Rechtsvorm.COOPERATIE, Rechtsvorm.BV}
)


def _voorstel(traject) -> Voorstel | None:
    """The proposal, read once per evaluation of the requirements."""
    return fasen.gedeeld(
        ("voorstel", traject.pk),
        lambda: (
            Voorstel.objects.select_related("initiatief", "opgave", "traject__gemeente")
            .filter(traject_id=traject.pk)
            .first()
        ),
    )


def _gevuld(*waarden) -> bool:
    return all(w is not None and str(w).strip() != "" for w in waarden)


# --- indienen -------------------------------------------------------------------------------
@fasen.vereiste("indienen", "voorstel", _("Er is een voorstel ingevuld op dit platform."))
def voorstel_bestaat(traject) -> bool:
    return _voorstel(traject) is not None


@fasen.vereiste(
    "indienen",
    "initiatief",
    _("De gegevens van het initiatief zijn ingevuld: naam, rechtsvorm en adres."),
)
def initiatief_compleet(traject) -> bool:
    v = _voorstel(traject)
    if v is None:
        return False
    i = v.initiatief
    return _gevuld(i.naam, i.rechtsvorm, i.straat, i.postcode, i.plaats)


@fasen.vereiste("indienen", "kvk", _("Het KvK-nummer is ingevuld (nodig bij deze rechtsvorm)."))
def kvk_bij_rechtsvorm(traject) -> bool:
    v = _voorstel(traject)
    if v is None:
        return False
    return v.initiatief.rechtsvorm not in KVK_VERPLICHT or bool(v.initiatief.kvk_nummer)


@fasen.vereiste(
    "indienen",
    "contactpersonen",
    _("Er zijn genoeg contactpersonen opgegeven (zoveel als de gemeente vraagt)."),
)
def genoeg_contactpersonen(traject) -> bool:
    v = _voorstel(traject)
    if v is None:
        return False
    return v.initiatief.contactpersonen.count() >= v.traject.gemeente.min_contactpersonen


@fasen.vereiste("indienen", "omschrijving", _("Het voorstel is beschreven."))
def omschrijving_ingevuld(traject) -> bool:
    v = _voorstel(traject)
    return v is not None and _gevuld(v.omschrijving)


@fasen.vereiste(
    "indienen", "taak", _("Bij uitdaagrecht: de taak die u wilt overnemen is ingevuld.")
)
def taak_ingevuld(traject) -> bool:
    v = _voorstel(traject)
    if v is None:
        return False
    return v.soort == VoorstelSoort.OPGAVE or _gevuld(v.taak)


@fasen.vereiste("indienen", "doelen", _("De bijdrage aan de doelen van de gemeente is beschreven."))
def doelen_ingevuld(traject) -> bool:
    v = _voorstel(traject)
    return v is not None and _gevuld(v.bijdrage_gemeentedoelen)


@fasen.vereiste(
    "indienen", "doelgroep", _("De doelgroep en het bereik (aantal mensen) zijn ingevuld.")
)
def doelgroep_ingevuld(traject) -> bool:
    v = _voorstel(traject)
    return v is not None and _gevuld(v.doelgroep, v.bereik)


@fasen.vereiste(
    "indienen",
    "kosten",
    _("De kostenraming, de huidige kosten van de taak en de eigen bijdrage zijn ingevuld."),
)
def kosten_ingevuld(traject) -> bool:
    v = _voorstel(traject)
    return v is not None and _gevuld(v.kostenraming, v.huidige_kosten, v.eigen_bijdrage)


@fasen.vereiste("indienen", "looptijd", _("De looptijd is ingevuld."))
def looptijd_ingevuld(traject) -> bool:
    v = _voorstel(traject)
    return v is not None and _gevuld(v.looptijd_maanden)


@fasen.vereiste(
    "indienen",
    "draagvlak",
    _(
        "Er is bewijs van draagvlak: ten minste één bevestigde steunbetuiging of een bijlage "
        "met bewijs van draagvlak."
    ),
)
def draagvlak_aangetoond(traject) -> bool:
    v = _voorstel(traject)
    if v is None:
        return False
    return (
        v.steunbetuigingen.filter(bevestigd_op__isnull=False).exists()
        or v.bijlagen.filter(soort=BijlageSoort.DRAAGVLAK).exists()
    )


@fasen.vereiste(
    "indienen",
    "opgave_open",
    _("De opgave neemt nog voorstellen aan (de uiterste datum is niet voorbij)."),
)
def opgave_nog_open(traject) -> bool:
    v = _voorstel(traject)
    if v is None:
        return False
    return v.opgave_id is None or v.opgave.is_open


# Submitting and the decision have their own mails (services.voorstel_ingediend, the letter).
fasen.eigen_melding("indienen", "toelaten", "afwijzen")


@fasen.na_transitie("indienen")
def na_indienen(*, traject, door, motivatie) -> None:
    from .services import voorstel_ingediend

    voorstel_ingediend(traject=traject)


# --- toelaten / afwijzen --------------------------------------------------------------------
BEOORDELING_COMPLEET = _("Het voorstel is beoordeeld op alle criteria van de gemeente.")


def _beoordeling_compleet(traject) -> bool:
    from .selectors import beoordeling_compleet

    v = Voorstel.objects.select_related("traject").filter(traject_id=traject.pk).first()
    return v is not None and beoordeling_compleet(voorstel=v)


fasen.vereiste("toelaten", "beoordeling", BEOORDELING_COMPLEET)(_beoordeling_compleet)
fasen.vereiste("afwijzen", "beoordeling", BEOORDELING_COMPLEET)(_beoordeling_compleet)


@fasen.na_transitie("toelaten")
def na_toelaten(*, traject, door, motivatie) -> None:
    from .services import besluit_vastleggen

    besluit_vastleggen(traject=traject, door=door, motivatie=motivatie, besluit=Besluit.TOEGELATEN)


@fasen.na_transitie("afwijzen")
def na_afwijzen(*, traject, door, motivatie) -> None:
    from .services import besluit_vastleggen

    besluit_vastleggen(traject=traject, door=door, motivatie=motivatie, besluit=Besluit.AFGEWEZEN)


# --- naar coalitie --------------------------------------------------------------------------
@fasen.vereiste(
    "naar_coalitie",
    "horizon_akkoord",
    _("Het initiatief en de gemeente zijn akkoord met de stip aan de horizon."),
)
def horizon_akkoord(traject) -> bool:
    horizon = Horizon.objects.filter(traject_id=traject.pk).first()
    return horizon is not None and horizon.goedgekeurd


@fasen.vereiste(
    "naar_coalitie",
    "horizon_indicator",
    _("De stip aan de horizon heeft ten minste één indicator met een streefwaarde."),
)
def horizon_indicator(traject) -> bool:
    return Horizon.objects.filter(
        traject_id=traject.pk, indicatoren__streefwaarde__isnull=False
    ).exists()


# --- traject page panels --------------------------------------------------------------------
def paneel_voorstel(request, traject, rollen) -> dict | None:
    if not rollen & {Rol.AMBTENAAR, Rol.INITIATIEFNEMER}:
        return None
    from .selectors import getattr_of_none

    voorstel = (
        Voorstel.objects.select_related("initiatief", "opgave", "besluitbrief", "beoordeling")
        .filter(traject_id=traject.pk)
        .first()
    )
    if voorstel is None:
        if Rol.INITIATIEFNEMER in rollen and traject.status == "concept":
            return {"voorstel": None, "mag_wijzigen": True}
        return None
    ambtenaar = Rol.AMBTENAAR in rollen
    return {
        "voorstel": voorstel,
        "besluitbrief": getattr_of_none(voorstel, "besluitbrief"),
        "mag_wijzigen": Rol.INITIATIEFNEMER in rollen and traject.status == "concept",
        "mag_beoordelen": ambtenaar and traject.status == "ingediend",
        "ambtenaar": ambtenaar,
    }


def paneel_horizon(request, traject, rollen) -> dict | None:
    if not rollen:
        return None
    from .selectors import horizon_van

    horizon = horizon_van(traject=traject)
    if horizon is None:
        return None
    return {
        "horizon": horizon,
        "mag_wijzigen": bool(rollen & {Rol.AMBTENAAR, Rol.INITIATIEFNEMER})
        and traject.status == "horizon",
    }


fasen.paneel("voorstel", "initiatieven/_paneel_voorstel.html", paneel_voorstel, volgorde=5)
fasen.paneel("horizon", "initiatieven/_paneel_horizon.html", paneel_horizon, volgorde=10)


# --- demo data ------------------------------------------------------------------------------
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
    from .services import criteria_voor_gemeente

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
