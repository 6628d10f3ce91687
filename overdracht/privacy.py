"""The personal data of phase 4, for the register in ``aanbesteden.persoonsgegevens``:
signatures and the versions of the agreement. This phase also tells the register which
trajecten the law binds: those with a signed agreement."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aanbesteden.models import Traject
from aanbesteden.persoonsgegevens import BLIJFT, GEWIST, LEEG, register
from coalities.constants import PartnerSoort

from .models import Ondertekening, OvereenkomstVersie


@register.bewaarplicht
def _getekende_trajecten():
    """A traject with a signed agreement: the agreement and who signed it must be kept as
    long as it runs, and after that as long as the Archiefwet asks."""
    return Traject.objects.filter(overeenkomstversies__ondertekeningen__getekend_op__isnull=False)


@register.betrokken
def _trajecten_als_ondertekenaar(p):
    return Traject.objects.filter(overeenkomstversies__ondertekeningen__ondertekenaar=p.gebruiker)


def _namens_bewoner(rij, veld, p):
    """A resident signs on behalf of themselves: "namens" is their own name then."""
    if rij.partner_id and rij.partner.soort == PartnerSoort.BEWONER:
        return GEWIST(rij, veld, p)
    return BLIJFT


register.gegevens(
    Ondertekening,
    "ondertekeningen",
    titel=_("Uw handtekeningen onder overeenkomsten"),
    rijen=lambda p: Ondertekening.objects.filter(ondertekenaar=p.gebruiker),
    export=(
        "versie__traject__titel",
        "versie__nummer",
        "partij_soort",
        "naam",
        "namens",
        "getekend_op",
        "ip_adres",
        "geweigerd_op",
        "weigerreden",
        "middel",
        "betrouwbaarheidsniveau",
        "gecontroleerd_kvk_nummer",
        "gecontroleerde_organisatie",
    ),
    wissen={
        "naam": GEWIST,
        "ip_adres": LEEG,
        "namens": _namens_bewoner,
        "gecontroleerd_kvk_nummer": LEEG,
        "gecontroleerde_organisatie": LEEG,
    },
    bewaren=lambda rijen, p: rijen.filter(getekend_op__isnull=False),
    blijft={
        "ondertekenaar": _(
            "Een handtekening blijft gekoppeld aan het gesloten account, dat geen naam of "
            "e-mailadres meer heeft."
        )
    },
    gewist=_("Uw naam en IP-adres bij overeenkomsten die u (nog) niet tekende."),
    bewaard=_(
        "Uw handtekeningen onder overeenkomsten (naam, namens wie, tijdstip, IP-adres) en de "
        "verzegelde PDF's. Die moeten bewaard blijven zolang de overeenkomst loopt en daarna "
        "zo lang als de Archiefwet vraagt."
    ),
)

register.gegevens(
    OvereenkomstVersie,
    "overeenkomsten",
    titel=_("Versies van de overeenkomst van uw trajecten"),
    rijen=lambda p: OvereenkomstVersie.objects.filter(traject__in=register.betrokken_trajecten(p)),
    export=("traject__titel", "nummer", "status", "vastgesteld_op", "verzegeld_op"),
    bestanden=("verzegeld_pdf",),
    wissen={},
    bewaren=lambda rijen, p: rijen,
    blijft={
        "pdf": _("De overeenkomst zoals de partijen haar lazen en tekenden (Archiefwet)."),
        "verzegeld_pdf": _("De ondertekende en verzegelde overeenkomst (Archiefwet)."),
    },
    bewaard=_(
        "De versies van de overeenkomst van uw trajecten, met de namen van de partijen en "
        "contactpersonen zoals ze toen waren. Dat zijn de afspraken van de gemeente; zij "
        "bewaart ze volgens de Archiefwet."
    ),
)
