"""The personal data of the intake and phase 1, for the register in
``aanbesteden.persoonsgegevens``: contact persons, supporters, initiatives, uploads, and the
links to whoever decided, assessed, approved or changed something."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aanbesteden.models import Traject
from aanbesteden.persoonsgegevens import (
    BLIJFT,
    GEWIST,
    GEWIST_ADRES,
    LEEG,
    LOSGEKOPPELD,
    LOSKOPPELEN,
    VERWIJDEREN,
    register,
)

from .bestandscontrole import download_naam
from .constants import Rechtsvorm
from .models import (
    Beoordeling,
    Besluitbrief,
    Bijlage,
    Contactpersoon,
    Horizon,
    HorizonVersie,
    Indicator,
    Initiatief,
    Opgave,
    Reactie,
    ReactieMelding,
    Steunbetuiging,
    Voorstel,
)


def _initiatieven(p):
    return Initiatief.objects.filter(
        Q(leden=p.gebruiker) | Q(contactpersonen__email__iexact=p.email)
    )


@register.betrokken
def _trajecten_van_initiatief(p):
    return Traject.objects.filter(voorstel__initiatief__in=_initiatieven(p))


def _gebonden(veld: str):
    """Rows of trajecten whose signed agreement binds them (``veld`` leads to the traject)."""
    return lambda rijen, p: rijen.filter(**{f"{veld}__in": register.gebonden_trajecten()})


register.gegevens(
    Opgave,
    "opgaven_contact",
    titel=_("Opgaven waarbij u contactpersoon bent"),
    rijen=lambda p: Opgave.objects.filter(contactpersoon_email__iexact=p.email),
    export=("gemeente__naam", "titel", "contactpersoon_naam", "contactpersoon_email"),
    wissen={"contactpersoon_naam": GEWIST, "contactpersoon_email": GEWIST_ADRES},
    gewist=_(
        "Uw naam en e-mailadres als contactpersoon bij opgaven van de gemeente. De gemeente "
        "wijst een nieuwe contactpersoon aan."
    ),
)

register.gegevens(
    Opgave,
    "opgaven_aangemaakt",
    titel=_("Opgaven die u aanmaakte"),
    rijen=lambda p: Opgave.objects.filter(aangemaakt_door=p.gebruiker),
    export=("gemeente__naam", "titel", "created_at"),
    wissen={"aangemaakt_door": LOSKOPPELEN},
    gewist=LOSGEKOPPELD,
)


def _adres_van_bewoner(rij, veld, p):
    """The address of an informal group of residents (no legal entity) is a resident's own
    address; blanked when the person is its only member. An organisation's address stays."""
    if rij.rechtsvorm == Rechtsvorm.INFORMEEL and rij.leden.exclude(pk=p.gebruiker.pk).count() == 0:
        return LEEG(rij, veld, p)
    return BLIJFT


register.gegevens(
    Initiatief,
    "initiatieven",
    titel=_("Initiatieven waarvan u lid of contactpersoon bent"),
    rijen=_initiatieven,
    export=("naam", "rechtsvorm", "kvk_nummer", "straat", "postcode", "plaats", "email"),
    wissen={
        "leden": LOSKOPPELEN,
        "email": LEEG,
        "straat": _adres_van_bewoner,
        "postcode": _adres_van_bewoner,
    },
    bewaren=_gebonden("voorstellen__traject"),
    bewaard_wissen={"leden": LOSKOPPELEN},
    blijft={
        "naam": _("De naam van het initiatief; die kan in het openbare register staan."),
        "kvk_nummer": _("Het KvK-nummer van de organisatie (een rechtspersoon), niet van u."),
    },
    gewist=_(
        "Uw lidmaatschap van een initiatief en uw e-mailadres als dat van het initiatief; bij "
        "een groep bewoners zonder rechtsvorm waarvan u het enige lid bent ook het adres."
    ),
    bewaard=_(
        "De gegevens van een initiatief met een ondertekende overeenkomst: naam, adres en "
        "e-mailadres van het initiatief blijven; u bent er geen lid meer van."
    ),
)

register.gegevens(
    Contactpersoon,
    "contactpersonen",
    titel=_("Uw gegevens als contactpersoon van een initiatief"),
    rijen=lambda p: Contactpersoon.objects.filter(email__iexact=p.email),
    export=("initiatief__naam", "naam", "email", "telefoon", "functie", "is_vertegenwoordiger"),
    wissen={"naam": GEWIST, "email": GEWIST_ADRES, "telefoon": LEEG},
    bewaren=_gebonden("initiatief__voorstellen__traject"),
    bewaard_wissen={"telefoon": LEEG},
    gewist=_("Uw gegevens als contactpersoon van een initiatief."),
    bewaard=_(
        "Uw naam en e-mailadres als contactpersoon van een initiatief dat een ondertekende "
        "overeenkomst heeft. De overeenkomst moet bewaard blijven. Uw telefoonnummer is wel "
        "gewist."
    ),
)

register.gegevens(
    Steunbetuiging,
    "steunbetuigingen",
    titel=_("Uw steun voor voorstellen"),
    rijen=lambda p: Steunbetuiging.objects.filter(email__iexact=p.email),
    export=(
        "voorstel__traject__titel",
        "naam",
        "naam_openbaar",
        "email",
        "postcode",
        "via_openbare_pagina",
        "bevestigd_op",
        "created_at",
    ),
    wissen={
        "naam": GEWIST,
        "naam_openbaar": lambda rij, veld, p: False,
        "email": GEWIST_ADRES,
        "postcode": LEEG,
    },
    gewist=_(
        "Uw naam, e-mailadres en postcode bij steunbetuigingen (de steun telt nog mee, "
        "zonder naam)."
    ),
)


def _neutrale_naam(rij, veld, p):
    """The name the person typed for the file may say who they are: replace it."""
    return download_naam(f"bijlage-{rij.pk}", rij.mime)


register.gegevens(
    Bijlage,
    "bijlagen",
    titel=_("Bestanden die u uploadde"),
    rijen=lambda p: Bijlage.objects.filter(geupload_door=p.gebruiker),
    export=("voorstel__traject__titel", "soort", "naam", "mime", "grootte", "sha256", "created_at"),
    bestanden=("bestand",),
    wissen=VERWIJDEREN,
    bewaren=lambda rijen, p: rijen.filter(voorstel__ingediend_op__isnull=False),
    bewaard_wissen={"geupload_door": LOSKOPPELEN, "naam": _neutrale_naam},
    blijft={
        "bestand": _(
            "Het bestand hoort bij een voorstel dat de gemeente kreeg en waarover zij besliste; "
            "zij bewaart het bij haar besluit."
        )
    },
    gewist=_("Bestanden die u uploadde bij een voorstel dat nog niet was ingediend."),
    bewaard=_(
        "Bestanden die u uploadde bij een ingediend voorstel. De gemeente besliste erover en "
        "bewaart ze bij haar besluit; uw naam en de bestandsnaam die u gaf zijn eraf gehaald."
    ),
)

register.gegevens(
    Besluitbrief,
    "besluitbrieven",
    titel=_("Besluitbrieven over voorstellen van uw initiatief"),
    rijen=lambda p: Besluitbrief.objects.filter(voorstel__initiatief__in=_initiatieven(p)),
    export=("voorstel__traject__titel", "status", "created_at"),
    bestanden=("bestand",),
    wissen={},
    bewaren=lambda rijen, p: rijen,
    blijft={"bestand": _("Het besluit van de gemeente over een voorstel (Archiefwet).")},
    bewaard=_(
        "Besluitbrieven over voorstellen van uw initiatief. Dat zijn besluiten van de "
        "gemeente; zij bewaart ze volgens de Archiefwet."
    ),
)

register.gegevens(
    Voorstel,
    "besluiten",
    titel=_("Besluiten over voorstellen die u nam"),
    rijen=lambda p: Voorstel.objects.filter(besloten_door=p.gebruiker),
    export=("traject__titel", "besluit", "besluit_op"),
    wissen={"besloten_door": LOSKOPPELEN},
    gewist=LOSGEKOPPELD,
)

register.gegevens(
    Beoordeling,
    "beoordelingen",
    titel=_("Beoordelingen die u schreef"),
    rijen=lambda p: Beoordeling.objects.filter(beoordelaar=p.gebruiker),
    export=("voorstel__traject__titel", "samenvatting", "updated_at"),
    wissen={"beoordelaar": LOSKOPPELEN},
    gewist=LOSGEKOPPELD,
)

register.gegevens(
    Horizon,
    "horizon_akkoorden",
    titel=_("Uw akkoord met een stip aan de horizon"),
    rijen=lambda p: Horizon.objects.filter(
        Q(akkoord_initiatief_door=p.gebruiker) | Q(akkoord_gemeente_door=p.gebruiker)
    ),
    export=("traject__titel", "versie", "akkoord_initiatief_op", "akkoord_gemeente_op"),
    wissen={"akkoord_initiatief_door": LOSKOPPELEN, "akkoord_gemeente_door": LOSKOPPELEN},
    gewist=LOSGEKOPPELD,
)

register.gegevens(
    HorizonVersie,
    "horizonversies",
    titel=_("Versies van de stip aan de horizon die u wijzigde"),
    rijen=lambda p: HorizonVersie.objects.filter(gewijzigd_door=p.gebruiker),
    export=("horizon__traject__titel", "versie", "inhoud", "created_at"),
    wissen={"gewijzigd_door": LOSKOPPELEN},
    gewist=LOSGEKOPPELD,
)

register.geen_persoonsgegevens(
    Indicator, {"naam": _("De naam van een indicator, zoals 'aantal bezoekers'.")}
)

register.gegevens(
    Reactie,
    "reacties",
    titel=_("Uw reacties op openbare pagina's"),
    rijen=lambda p: Reactie.objects.filter(
        Q(gebruiker=p.gebruiker) | (Q(email__iexact=p.email) if p.email else Q(pk__in=[]))
    ),
    export=("traject__titel", "plek", "tekst", "naam", "email", "bevestigd_op", "created_at"),
    wissen=VERWIJDEREN,
    gewist=_("Uw reacties op openbare pagina's, met de antwoorden erop."),
)
register.gegevens(
    Reactie,
    "reacties_verborgen",
    titel=_("Reacties die u als ambtenaar verborg"),
    rijen=lambda p: Reactie.objects.filter(verborgen_door=p.gebruiker),
    export=("traject__titel", "verborgen_op", "verborgen_reden"),
    wissen={"verborgen_door": LOSKOPPELEN},
    gewist=LOSGEKOPPELD,
)
register.geen_persoonsgegevens(
    ReactieMelding,
    {"reden": _("Wie een reactie meldt, geeft geen naam of adres; alleen de reden.")},
)
