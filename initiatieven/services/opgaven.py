"""Writes of calls: saving, publishing and closing one."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbesteden.models import Gemeente, User

from ..constants import OpgaveStatus
from ..models import Opgave
from .fouten import IntakeFout


# --- opgaven --------------------------------------------------------------------------------
@transaction.atomic
def opgave_opslaan(
    *, gemeente: Gemeente, door: User, velden: dict[str, Any], opgave: Opgave | None = None
) -> Opgave:
    """Create or change a call of ``gemeente``. A closed call no longer changes."""
    if opgave is None:
        opgave = Opgave(gemeente=gemeente, aangemaakt_door=door)
    else:
        opgave = Opgave.objects.select_for_update().get(pk=opgave.pk, gemeente=gemeente)
        if opgave.status == OpgaveStatus.GESLOTEN:
            raise IntakeFout(_("Een gesloten opgave kan niet meer worden gewijzigd."))
    for naam, waarde in velden.items():
        setattr(opgave, naam, waarde)
    opgave.full_clean()
    opgave.save()
    return opgave


@transaction.atomic
def opgave_publiceren(*, opgave: Opgave, door: User) -> Opgave:
    opgave = Opgave.objects.select_for_update().get(pk=opgave.pk)
    if opgave.status != OpgaveStatus.CONCEPT:
        raise IntakeFout(_("Alleen een concept kan worden gepubliceerd."))
    if opgave.deadline <= timezone.now():
        raise IntakeFout(_("De uiterste datum ligt in het verleden. Kies eerst een nieuwe datum."))
    opgave.status = OpgaveStatus.GEPUBLICEERD
    opgave.gepubliceerd_op = timezone.now()
    opgave.save(update_fields=["status", "gepubliceerd_op", "updated_at"])
    return opgave


@transaction.atomic
def opgave_sluiten(*, opgave: Opgave, door: User) -> Opgave:
    opgave = Opgave.objects.select_for_update().get(pk=opgave.pk)
    if opgave.status != OpgaveStatus.GEPUBLICEERD:
        raise IntakeFout(_("Alleen een gepubliceerde opgave kan worden gesloten."))
    opgave.status = OpgaveStatus.GESLOTEN
    opgave.save(update_fields=["status", "updated_at"])
    return opgave
