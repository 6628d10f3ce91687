"""Agreement in principle on the route: asking it (which freezes the draft as the next
version), giving it, and withdrawing the agreements on the last version.

Agreements count for the version they were given on, as long as the draft has not changed
since.
"""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from aanbesteden.constants import PartijSoort, Rol, TrajectStatus
from aanbesteden.models import Traject, User
from aanbesteden.permissions import heeft_rol
from meldingen.berichten import (
    bericht_versturen,
    geciteerd,
    op_een_regel,
)
from meldingen.constants import NotificatieSoort

from .. import selectors
from ..models import (
    Mijlpaal,
    Partner,
    Route,
    RouteAkkoord,
    RouteVersie,
)
from .fouten import CoalitieFout
from .partijen import eigen_partijen, partij_naam, vereis_partij
from .route import _concept_gewijzigd, route_inhoud, route_ophalen_of_maken


def _vereis_route_partij(*, traject: Traject, door: User, bericht: str) -> list:
    if traject.status != TrajectStatus.ROUTE:
        raise CoalitieFout(bericht, status=409)
    eigen = eigen_partijen(traject=traject, user=door)
    if not eigen:
        raise CoalitieFout(_("U hoort bij geen partij van deze route."), status=403)
    return eigen


@transaction.atomic
def route_akkoord_vragen(*, traject: Traject, door: User, toelichting: str = "") -> Route:
    """The draft is ready: freeze it as the next version (a snapshot with what changed), record
    the asking party's own agreement, and ask every other person involved once."""
    eigen = _vereis_route_partij(
        traject=traject,
        door=door,
        bericht=_("Akkoord vragen kan alleen in de fase Routes naar de horizon."),
    )
    route = Route.objects.select_for_update().get(pk=route_ophalen_of_maken(traject).pk)
    if not Mijlpaal.objects.filter(traject=traject).exists():
        raise CoalitieFout(_("Er is nog geen mijlpaal: er is nog niets om akkoord op te vragen."))
    if route.versie and not route.concept_gewijzigd:
        raise CoalitieFout(
            _(
                "Op deze versie is al akkoord gevraagd en er is sindsdien niets veranderd. "
                "Wijzig eerst de route, of wacht op de akkoorden."
            ),
            status=409,
        )
    regels = list(route.concept_wijzigingen)
    toelichting = toelichting.strip()
    route.versie += 1
    route.concept_gewijzigd = False
    route.concept_wijzigingen = []
    route.save(update_fields=["versie", "concept_gewijzigd", "concept_wijzigingen", "updated_at"])
    RouteVersie.objects.create(
        route=route,
        versie=route.versie,
        inhoud=route_inhoud(traject),
        wijziging="\n".join([*regels, toelichting] if toelichting else regels),
        gewijzigd_door=door,
    )
    for partij_soort, partner in eigen:
        RouteAkkoord.objects.get_or_create(
            route=route,
            versie=route.versie,
            partij_soort=partij_soort,
            partner=partner,
            defaults={"gegeven_door": door},
        )
    from aanbesteden.services import traject_betrokkenen

    bericht_versturen(
        ontvangers=[u for u in traject_betrokkenen(traject) if u.pk != door.pk],
        soort=NotificatieSoort.ROUTE,
        sjabloon="coalities/mail/akkoord_gevraagd",
        context={
            "traject": traject,
            "route": route,
            "wijzigingen": regels,
            "toelichting": geciteerd(toelichting) if toelichting else "",
            "door": op_een_regel(door),
            "partij": ", ".join(partij_naam(s, p) for s, p in eigen),
        },
        traject=traject,
        url=reverse("coalities:route", kwargs={"pk": traject.pk}),
    )
    return route


@transaction.atomic
def route_akkoord_geven(
    *,
    traject: Traject,
    door: User,
    partij_soort: str,
    partner: Partner | None = None,
    versie: int,
) -> RouteAkkoord:
    """Agreement in principle to version ``versie``: refused when the route changed since.

    Nobody is mailed for one party's agreement; when it is the last one needed, the officials
    (who take the next step) get one message."""
    if traject.status != TrajectStatus.ROUTE:
        raise CoalitieFout(
            _("Akkoord geven kan alleen in de fase Routes naar de horizon."), status=409
        )
    vereis_partij(traject=traject, user=door, partij_soort=partij_soort, partner=partner)
    route = Route.objects.select_for_update().get(pk=route_ophalen_of_maken(traject).pk)
    if not route.versie:
        raise CoalitieFout(
            _(
                "Er is nog geen akkoord gevraagd op de route: er is nog niets om akkoord op te "
                "geven."
            )
        )
    if route.versie != versie or route.concept_gewijzigd:
        raise CoalitieFout(
            _(
                "De route is intussen gewijzigd. Zodra iemand opnieuw akkoord vraagt, kunt u "
                "de nieuwe versie bekijken en akkoord geven."
            ),
            status=409,
        )
    partner = partner if partij_soort == PartijSoort.PARTNER else None
    akkoord, gemaakt = RouteAkkoord.objects.get_or_create(
        route=route,
        versie=route.versie,
        partij_soort=partij_soort,
        partner=partner,
        defaults={"gegeven_door": door},
    )
    if gemaakt and selectors.route_iedereen_akkoord(traject=traject, route=route):
        from aanbesteden.services import traject_betrokkenen

        bericht_versturen(
            ontvangers=[
                u
                for u in traject_betrokkenen(traject)
                if u.pk != door.pk and heeft_rol(u, traject, Rol.AMBTENAAR)
            ],
            soort=NotificatieSoort.ROUTE,
            sjabloon="coalities/mail/akkoord_rond",
            context={"traject": traject, "route": route},
            traject=traject,
            url=traject.get_absolute_url(),
        )
    return akkoord


def route_akkoorden_intrekken(*, traject: Traject, door: User | None, reden: str) -> bool:
    """Withdraw the agreements on the last version: the draft counts as changed (the data is
    kept), so a new version has to be asked and agreed to. No message: the step back that
    calls this tells everybody itself."""
    route = Route.objects.filter(traject=traject).first()
    if route is None or not RouteAkkoord.objects.filter(route=route, versie=route.versie).exists():
        return False
    _concept_gewijzigd(route=route, wijziging=reden)
    return True
