"""A confirmed partner's own acts: leaving the coalition, and its answer to the horizon."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbesteden.constants import Rol, TrajectStatus
from aanbesteden.models import Traject, User
from aanbesteden.permissions import rol_intrekken
from meldingen.berichten import (
    bericht_versturen,
)
from meldingen.constants import NotificatieSoort

from .. import selectors
from ..constants import HorizonOordeel, PartnerStatus
from ..models import (
    Partner,
    Route,
)
from .fouten import CoalitieFout
from .route import _concept_gewijzigd


@transaction.atomic
def partner_vertrekken(*, partner: Partner, door: User) -> Partner:
    """The partner leaves the coalition and loses its access to the traject at once."""
    partner = Partner.objects.select_for_update().select_related("traject").get(pk=partner.pk)
    if partner.status != PartnerStatus.BEVESTIGD:
        raise CoalitieFout(_("Deze partner is al vertrokken."), status=409)
    if partner.traject.status not in (TrajectStatus.COALITIE, TrajectStatus.ROUTE):
        raise CoalitieFout(
            _(
                "Vertrekken kan alleen in de fasen Vitale coalities en Routes naar de horizon. "
                "Neem contact op met de gemeente."
            ),
            status=409,
        )
    partner.status = PartnerStatus.VERTROKKEN
    partner.vertrokken_op = timezone.now()
    partner.save(update_fields=["status", "vertrokken_op"])
    rol_intrekken(traject=partner.traject, user=partner.gebruiker, rol=Rol.PARTNER)
    route = Route.objects.filter(traject=partner.traject).first()
    if route is not None:
        _concept_gewijzigd(
            route=route,
            wijziging=_("Partner %(naam)s heeft de coalitie verlaten.")
            % {"naam": partner.organisatie},
        )
    return partner


@transaction.atomic
def horizon_oordeel_geven(
    *, traject: Traject, door: User, versie: int, akkoord: bool, toelichting: str = ""
) -> Partner:
    """A confirmed partner says whether it agrees to the horizon's current ``versie``; not
    agreeing needs a reason. Who takes the next step (the initiative and the gemeente's
    officials) hears of an objection, and of the last agreement needed, once; any other
    agreement sends nothing (the coalition page shows it). The same answer given again changes
    nothing."""
    from initiatieven.models import Horizon
    from initiatieven.selectors import ambtenaren, initiatiefnemers

    partner = (
        Partner.objects.select_for_update()
        .filter(traject=traject, gebruiker=door, status=PartnerStatus.BEVESTIGD)
        .first()
    )
    if partner is None:
        raise CoalitieFout(_("U bent geen partner in deze coalitie."), status=403)
    traject = Traject.objects.get(pk=traject.pk)
    if traject.status != TrajectStatus.COALITIE:
        raise CoalitieFout(
            _("Op de stip aan de horizon reageren kan alleen in de fase Vitale coalities."),
            status=409,
        )
    horizon = Horizon.objects.filter(traject=traject).first()
    if horizon is None or horizon.versie != versie:
        raise CoalitieFout(
            _("De stip aan de horizon is intussen gewijzigd. Bekijk hem opnieuw."), status=409
        )
    toelichting = toelichting.strip()
    if not akkoord and not toelichting:
        raise CoalitieFout(_("Schrijf waarom u niet akkoord bent."))
    oordeel = HorizonOordeel.AKKOORD if akkoord else HorizonOordeel.BEZWAAR
    if (partner.horizon_oordeel, partner.horizon_versie, partner.horizon_toelichting) == (
        oordeel,
        versie,
        toelichting,
    ):
        return partner
    partner.horizon_oordeel, partner.horizon_versie = oordeel, versie
    partner.horizon_toelichting, partner.horizon_oordeel_op = toelichting, timezone.now()
    partner.save(
        update_fields=[
            "horizon_oordeel",
            "horizon_versie",
            "horizon_toelichting",
            "horizon_oordeel_op",
        ]
    )
    if akkoord and not selectors.partners_akkoord_met_horizon(traject=traject):
        return partner
    bericht_versturen(
        ontvangers=[*initiatiefnemers(traject=traject), *ambtenaren(gemeente=traject.gemeente)],
        soort=NotificatieSoort.HORIZON,
        sjabloon="coalities/mail/horizon_oordeel",
        context={"traject": traject, "partner": partner, "akkoord": akkoord},
        traject=traject,
        url=reverse("coalities:coalitie", kwargs={"pk": traject.pk}),
    )
    return partner
