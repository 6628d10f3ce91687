"""Who signs: the name a signatory signs with, and the identity the gemeente asks of them."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F, Q

from aanbesteden.constants import PartijSoort
from aanbesteden.models import Traject, User

from ..models import Ondertekening


def _optioneel(obj: Any, naam: str) -> Any:
    try:
        return getattr(obj, naam)
    except ObjectDoesNotExist:
        return None


# --- who signs, by name -----------------------------------------------------------------------
def is_een_naam(tekst: str) -> bool:
    """A person's name, not an e-mail address: letters, and no ``@``."""
    tekst = " ".join((tekst or "").split())
    return len(tekst) >= 2 and "@" not in tekst and any(c.isalpha() for c in tekst)


def ondertekenaar_naam(*, gebruiker: User, initiatief: Any = None, partner: Any = None) -> str:
    """The name a signatory signs with: the name kept with the account, else the name the
    proposal gives the contact person with the same address, else the partner's contact
    person. Never the e-mail address: '' when nobody named them (the signing page asks once)."""
    if is_een_naam(gebruiker.naam):
        return " ".join(gebruiker.naam.split())
    if initiatief is not None:
        for c in sorted(
            initiatief.contactpersonen.all(), key=lambda c: (not c.is_vertegenwoordiger, c.pk)
        ):
            if c.email.casefold() == gebruiker.email.casefold() and is_een_naam(c.naam):
                return " ".join(c.naam.split())
    if partner is not None and is_een_naam(partner.contactpersoon):
        return " ".join(partner.contactpersoon.split())
    return ""


# --- signing with a checked identity ----------------------------------------------------------
def vereist_middel(ondertekening: Ondertekening, traject: Traject) -> tuple[str, str] | None:
    """What identity the gemeente asks of this signatory, as ``(means, KvK number)``, or
    ``None`` when its policy asks none (the one-time link and the password will do). The
    gemeente's signatory: its SSO. A partner or initiative with a KvK number: eHerkenning for
    that number. A resident (or a group without a KvK number): DigiD."""
    from accounts.constants import InlogMiddel
    from accounts.models import Inlogbeleid
    from coalities.constants import PartnerSoort

    if not Inlogbeleid.objects.filter(
        gemeente_id=traject.gemeente_id, tekenen_gecontroleerd=True
    ).exists():
        return None
    if ondertekening.partij_soort == PartijSoort.GEMEENTE:
        return InlogMiddel.SSO.value, ""
    kvk = ""
    if ondertekening.partij_soort == PartijSoort.PARTNER and ondertekening.partner_id:
        partner = ondertekening.partner
        if partner is not None and partner.soort != PartnerSoort.BEWONER:
            kvk = partner.kvk_nummer
    elif ondertekening.partij_soort == PartijSoort.INITIATIEF:
        voorstel = _optioneel(traject, "voorstel")
        kvk = voorstel.initiatief.kvk_nummer if voorstel is not None else ""
    if kvk:
        return InlogMiddel.EHERKENNING.value, kvk
    return InlogMiddel.DIGID.value, ""


def aanbieder_voor(middel: str, traject: Traject):
    """The active provider of ``middel`` for the traject's gemeente (its own first, else the
    installation's), or ``None``."""
    from accounts.models import OidcAanbieder

    return (
        OidcAanbieder.objects.filter(soort=middel, actief=True)
        .filter(Q(gemeente_id=traject.gemeente_id) | Q(gemeente__isnull=True))
        .order_by(F("gemeente_id").asc(nulls_last=True), "pk")
        .first()
    )
