"""The personal data of phases 2 and 3, for the register in ``aanbesteden.persoonsgegevens``:
invitations, partners (contact, phone, KvK number), and the links to whoever changed or
agreed to the route or confirmed a contribution."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aanbesteden.models import Traject
from aanbesteden.persoonsgegevens import (
    BLIJFT,
    GEWIST,
    GEWIST_ADRES,
    LEEG,
    LOSGEKOPPELD,
    LOSKOPPELEN,
    register,
)

from .constants import PartnerSoort, UitnodigingStatus
from .models import Inzet, Partner, RouteAkkoord, RouteVersie, Uitnodiging


@register.betrokken
def _trajecten_als_partner(p):
    return Traject.objects.filter(partners__gebruiker=p.gebruiker)


def _open_ingetrokken(rij, veld, p):
    """An invitation still open is withdrawn: its link must not make an account again."""
    return UitnodigingStatus.INGETROKKEN if rij.status == UitnodigingStatus.OPEN else BLIJFT


register.gegevens(
    Uitnodiging,
    "uitnodigingen",
    titel=_("Uitnodigingen die u kreeg"),
    rijen=lambda p: Uitnodiging.objects.filter(email__iexact=p.email),
    export=(
        "traject__titel",
        "email",
        "naam",
        "organisatie",
        "bericht",
        "rol",
        "status",
        "afwijsreden",
        "verzonden_op",
        "beantwoord_op",
    ),
    wissen={
        "email": GEWIST_ADRES,
        "naam": LEEG,
        "organisatie": LEEG,
        "bericht": LEEG,
        "afwijsreden": LEEG,
        "status": _open_ingetrokken,
    },
    gewist=_(
        "Uw e-mailadres en naam in uitnodigingen, het bericht dat erbij stond en uw reden "
        "om af te wijzen."
    ),
)

register.gegevens(
    Uitnodiging,
    "uitnodigingen_verstuurd",
    titel=_("Uitnodigingen die u verstuurde"),
    rijen=lambda p: Uitnodiging.objects.filter(uitgenodigd_door=p.gebruiker),
    export=("traject__titel", "status", "verzonden_op"),
    wissen={"uitgenodigd_door": LOSKOPPELEN},
    gewist=LOSGEKOPPELD,
)


def _naam_van_bewoner(rij, veld, p):
    """A resident takes part under their own name: that name is erased like the contact's."""
    return GEWIST(rij, veld, p) if rij.soort == PartnerSoort.BEWONER else BLIJFT


register.gegevens(
    Partner,
    "partners",
    titel=_("Uw partnerschappen in coalities"),
    rijen=lambda p: Partner.objects.filter(gebruiker=p.gebruiker),
    export=(
        "traject__titel",
        "soort",
        "organisatie",
        "rechtsvorm",
        "kvk_nummer",
        "contactpersoon",
        "telefoon",
        "rol",
        "status",
        "toegetreden_op",
        "vertrokken_op",
        "horizon_oordeel",
        "horizon_versie",
        "horizon_oordeel_op",
        "horizon_toelichting",
    ),
    wissen={
        "contactpersoon": GEWIST,
        "telefoon": LEEG,
        "kvk_nummer": LEEG,
        "organisatie": _naam_van_bewoner,
        "horizon_toelichting": LEEG,
    },
    bewaren=lambda rijen, p: rijen.filter(traject__in=register.gebonden_trajecten()),
    bewaard_wissen={"telefoon": LEEG, "kvk_nummer": LEEG, "horizon_toelichting": LEEG},
    blijft={
        "gebruiker": _(
            "Een partner blijft gekoppeld aan het gesloten account, dat geen naam of "
            "e-mailadres meer heeft."
        )
    },
    gewist=_("Uw naam, telefoonnummer en KvK-nummer als contactpersoon van een partner."),
    bewaard=_(
        "Uw naam als contactpersoon van een partner in een ondertekende overeenkomst. Uw "
        "telefoonnummer en het KvK-nummer zijn wel gewist; de ondertekende overeenkomst "
        "bewaart ze zoals ze waren."
    ),
)

register.gegevens(
    RouteVersie,
    "routeversies",
    titel=_("Wijzigingen van de route die u deed"),
    rijen=lambda p: RouteVersie.objects.filter(gewijzigd_door=p.gebruiker),
    export=("route__traject__titel", "versie", "wijziging", "created_at"),
    wissen={"gewijzigd_door": LOSKOPPELEN},
    gewist=LOSGEKOPPELD,
)

register.gegevens(
    RouteAkkoord,
    "routeakkoorden",
    titel=_("Uw akkoord met een route"),
    rijen=lambda p: RouteAkkoord.objects.filter(gegeven_door=p.gebruiker),
    export=("route__traject__titel", "versie", "partij_soort", "gegeven_op"),
    wissen={"gegeven_door": LOSKOPPELEN},
    gewist=LOSGEKOPPELD,
)

register.gegevens(
    Inzet,
    "inzet_bevestigd",
    titel=_("Inzet die u bevestigde"),
    rijen=lambda p: Inzet.objects.filter(bevestigd_door=p.gebruiker),
    export=("traject__titel", "soort", "omschrijving", "hoeveelheid", "eenheid", "bevestigd_op"),
    wissen={"bevestigd_door": LOSKOPPELEN},
    gewist=LOSGEKOPPELD,
)
