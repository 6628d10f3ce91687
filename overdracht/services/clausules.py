"""The gemeente's clause library: its clauses, and the standard ones a gemeente starts with."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from aanbesteden.models import User
from aanbesteden.permissions import mag

from ..constants import (
    STANDAARD_CLAUSULES,
)
from ..models import Clausule
from .fouten import OvereenkomstFout


def _vereis_beheerder(*, door: User, gemeente) -> None:
    if not mag(door, "gemeente.beheerder", gemeente):
        raise OvereenkomstFout(_("Alleen een beheerder van de gemeente mag dit."))


@transaction.atomic
def clausule_opslaan(
    *,
    gemeente,
    door: User,
    soort: str,
    titel: str,
    tekst: str,
    actief: bool = True,
    clausule: Clausule | None = None,
) -> Clausule:
    _vereis_beheerder(door=door, gemeente=gemeente)
    if clausule is None:
        clausule = Clausule(gemeente=gemeente)
    elif clausule.gemeente_id != gemeente.pk:
        raise OvereenkomstFout(_("Deze clausule hoort niet bij deze gemeente."))
    clausule.soort, clausule.titel, clausule.tekst, clausule.actief = soort, titel, tekst, actief
    clausule.full_clean()
    clausule.save()
    return clausule


@transaction.atomic
def standaardclausules_aanmaken(*, gemeente) -> int:
    """Give a gemeente a starting library (only when it has none)."""
    if Clausule.objects.filter(gemeente=gemeente).exists():
        return 0
    Clausule.objects.bulk_create(
        [Clausule(gemeente=gemeente, soort=s, titel=t, tekst=x) for s, t, x in STANDAARD_CLAUSULES]
    )
    return len(STANDAARD_CLAUSULES)
