"""Phase 1's horizon: its content, saving it, and the parties' agreement."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbesteden.constants import Rol
from aanbesteden.models import Traject, User
from aanbesteden.permissions import heeft_rol
from meldingen.berichten import bericht_versturen
from meldingen.constants import NotificatieSoort

from .. import selectors
from ..models import Horizon, HorizonVersie, Indicator
from .fouten import IntakeFout


# --- phase 1: the horizon -------------------------------------------------------------------
def horizon_inhoud(horizon: Horizon, indicatoren=None) -> dict[str, Any]:
    """A JSON-ready snapshot of the horizon's content, for the history."""
    if indicatoren is None:
        indicatoren = list(horizon.indicatoren.all())
    return {
        "ambitie": horizon.ambitie,
        "beoogde_resultaten": horizon.beoogde_resultaten,
        "indicatoren": [
            {
                "naam": i.naam,
                "eenheid": i.eenheid,
                "nulwaarde": str(i.nulwaarde),
                "streefwaarde": None if i.streefwaarde is None else str(i.streefwaarde),
                "hoger_is_beter": i.hoger_is_beter,
                "meetmethode": i.meetmethode,
                "meetfrequentie": i.meetfrequentie,
            }
            for i in indicatoren
        ],
    }


def _horizon_vergrendeld(horizon: Horizon, versie: int) -> Horizon:
    actueel = Horizon.objects.select_for_update().get(pk=horizon.pk)
    traject = Traject.objects.get(pk=actueel.traject_id)
    if traject.status != "horizon":
        raise IntakeFout(
            _("De stip aan de horizon kan alleen in de fase Stip aan de horizon veranderen.")
        )
    if actueel.versie != versie:
        raise IntakeFout(
            _("Iemand anders heeft de stip aan de horizon intussen gewijzigd. Bekijk hem opnieuw.")
        )
    return actueel


@transaction.atomic
def horizon_opslaan(*, horizon: Horizon, door: User, versie: int, form, formset) -> bool:
    """Save an edit of the horizon (validated form and indicator formset). When the content
    changed: keep the earlier version, raise the version number and withdraw the approvals.
    Returns whether anything changed."""
    actueel = _horizon_vergrendeld(horizon, versie)
    voor = horizon_inhoud(actueel)
    actueel.ambitie = form.cleaned_data["ambitie"]
    actueel.beoogde_resultaten = form.cleaned_data["beoogde_resultaten"]
    volgende = max((i.volgorde for i in actueel.indicatoren.all()), default=0)
    for ind in formset.save(commit=False):
        ind.horizon = actueel
        if not ind.volgorde:
            volgende += 1
            ind.volgorde = volgende
        ind.save()
    for weg in formset.deleted_objects:
        weg.delete()
    horizon = actueel
    na = horizon_inhoud(horizon, list(Indicator.objects.filter(horizon=horizon)))
    if na == voor:
        return False
    HorizonVersie.objects.create(
        horizon=horizon, versie=actueel.versie, inhoud=voor, gewijzigd_door=door
    )
    horizon.versie = actueel.versie + 1
    horizon.akkoord_initiatief_op = horizon.akkoord_gemeente_op = None
    horizon.akkoord_initiatief_door = horizon.akkoord_gemeente_door = None
    horizon.save()
    traject = horizon.traject
    bericht_versturen(
        ontvangers=[u for u in selectors.betrokkenen(traject=traject) if u.pk != door.pk],
        soort=NotificatieSoort.HORIZON,
        sjabloon="initiatieven/mail/horizon_akkoord_gevraagd",
        context={"traject": traject, "horizon": horizon, "door": door},
        traject=traject,
        url=reverse("initiatieven:horizon", kwargs={"pk": traject.pk}),
    )
    return True


@transaction.atomic
def horizon_akkoord_geven(*, horizon: Horizon, door: User, versie: int) -> Horizon:
    """Approve the current version of the horizon, for the side ``door`` acts for."""
    actueel = _horizon_vergrendeld(horizon, versie)
    traject = actueel.traject
    nu = timezone.now()
    if heeft_rol(door, traject, Rol.AMBTENAAR):
        if actueel.akkoord_gemeente_op:
            return actueel  # already agreed to this version: nothing changes, no second mail
        actueel.akkoord_gemeente_op, actueel.akkoord_gemeente_door = nu, door
        kant = "gemeente"
    elif heeft_rol(door, traject, Rol.INITIATIEFNEMER):
        if actueel.akkoord_initiatief_op:
            return actueel
        actueel.akkoord_initiatief_op, actueel.akkoord_initiatief_door = nu, door
        kant = "initiatief"
    else:
        raise IntakeFout(_("U mag de stip aan de horizon niet goedkeuren."))
    if not (actueel.ambitie.strip() and actueel.indicatoren.exists()):
        raise IntakeFout(_("Vul eerst de ambitie en ten minste één indicator in."))
    actueel.save()
    bericht_versturen(
        ontvangers=[u for u in selectors.betrokkenen(traject=traject) if u.pk != door.pk],
        soort=NotificatieSoort.HORIZON,
        sjabloon="initiatieven/mail/horizon_akkoord_gegeven",
        context={"traject": traject, "horizon": actueel, "door": door, "kant": kant},
        traject=traject,
        url=reverse("initiatieven:horizon", kwargs={"pk": traject.pk}),
    )
    return actueel
