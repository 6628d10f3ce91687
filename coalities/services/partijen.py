"""The parties of a route (the gemeente, the initiative, each partner) and who speaks for
which."""

from __future__ import annotations

from django.utils.translation import gettext as _

from aanbesteden.constants import PartijSoort, Rol
from aanbesteden.models import Traject, User
from aanbesteden.permissions import heeft_rol

from ..constants import PartnerStatus
from ..models import (
    Partner,
)
from .fouten import CoalitieFout


def partij_naam(partij_soort: str, partner: Partner | None = None) -> str:
    if partij_soort == PartijSoort.PARTNER and partner is not None:
        return partner.organisatie
    return str(PartijSoort(partij_soort).label)


def eigen_partijen(*, traject: Traject, user: User) -> list[tuple[str, Partner | None]]:
    """The parties ``user`` speaks for on ``traject``: the gemeente, the initiative, and/or
    the partner it represents."""
    partijen: list[tuple[str, Partner | None]] = []
    if heeft_rol(user, traject, Rol.AMBTENAAR):
        partijen.append((PartijSoort.GEMEENTE, None))
    if heeft_rol(user, traject, Rol.INITIATIEFNEMER):
        partijen.append((PartijSoort.INITIATIEF, None))
    if heeft_rol(user, traject, Rol.PARTNER):
        for partner in Partner.objects.filter(
            traject=traject, gebruiker=user, status=PartnerStatus.BEVESTIGD
        ):
            partijen.append((PartijSoort.PARTNER, partner))
    return partijen


def vereis_partij(
    *, traject: Traject, user: User, partij_soort: str, partner: Partner | None
) -> None:
    """Refuse (403) unless ``user`` speaks for this party."""
    if partij_soort not in PartijSoort.values:
        raise CoalitieFout(_("Deze partij bestaat niet."))
    if partij_soort == PartijSoort.PARTNER:
        toegestaan = (
            partner is not None
            and partner.traject_id == traject.pk
            and partner.gebruiker_id == user.pk
            and partner.status == PartnerStatus.BEVESTIGD
            and heeft_rol(user, traject, Rol.PARTNER)
        )
    elif partij_soort == PartijSoort.GEMEENTE:
        toegestaan = heeft_rol(user, traject, Rol.AMBTENAAR)
    else:
        toegestaan = heeft_rol(user, traject, Rol.INITIATIEFNEMER)
    if not toegestaan:
        raise CoalitieFout(_("U mag alleen voor uw eigen partij handelen."), status=403)
