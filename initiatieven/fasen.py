"""What this phase adds to the traject state machine: requirements and follow-ups.

The traject page's panels are in ``panelen``, the demo data in ``demo``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aanbesteden.fasen import fasen

from .constants import Besluit, BijlageSoort, Rechtsvorm, VoorstelSoort
from .models import Horizon, Voorstel

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


@fasen.vereiste(
    "indienen",
    "identiteit",
    _(
        "De gemeente vraagt dat wie het voorstel indient eerst laat zien wie hij is: met DigiD "
        "(als inwoner) of met eHerkenning (namens een organisatie)."
    ),
)
def identiteit_gecontroleerd(traject) -> bool:
    """When the gemeente's log-in policy asks it, the initiative's representative has linked
    DigiD or eHerkenning to the account (``accounts.models.IdentiteitKoppeling``)."""
    from accounts.constants import InlogMiddel
    from accounts.models import IdentiteitKoppeling, Inlogbeleid

    from .selectors import initiatief_vertegenwoordiger

    if not Inlogbeleid.objects.filter(
        gemeente_id=traject.gemeente_id, voorstel_gecontroleerd=True
    ).exists():
        return True
    vertegenwoordiger = initiatief_vertegenwoordiger(traject=traject)
    return (
        vertegenwoordiger is not None
        and IdentiteitKoppeling.objects.filter(
            gebruiker=vertegenwoordiger,
            middel__in=[InlogMiddel.DIGID, InlogMiddel.EHERKENNING],
        ).exists()
    )


# Submitting and the decision have their own mails (services.voorstel_ingediend, the letter).
fasen.eigen_melding("indienen", "toelaten", "afwijzen")


@fasen.bij_nieuwe_gemeente
def standaardcriteria(*, gemeente) -> None:
    """A new gemeente starts with the usual assessment criteria (the intake pages read them)."""
    from .services import standaardcriteria_aanmaken

    standaardcriteria_aanmaken(gemeente=gemeente)


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
