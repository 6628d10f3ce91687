"""What phases 2 and 3 add to the traject state machine: requirements and follow-ups.

The traject page's coalition and route panels are in ``panelen``, the demo data in ``demo``."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aanbesteden.constants import TrajectStatus
from aanbesteden.fasen import fasen
from aanbesteden.transities import TABEL, Richting, Transitie

from . import selectors
from .constants import PartnerStatus, UitnodigingStatus
from .models import Mijlpaal, Partner, Route, Uitnodiging

# --- coalitie -> route --------------------------------------------------------------------------


@fasen.vereiste(
    "naar_route",
    "uitnodigingen_beantwoord",
    _(
        "Elke uitnodiging is beantwoord of ingetrokken (een verlopen uitnodiging: opnieuw "
        "versturen of intrekken)."
    ),
)
def uitnodigingen_beantwoord(traject) -> bool:
    return not Uitnodiging.objects.filter(traject=traject, status=UitnodigingStatus.OPEN).exists()


@fasen.vereiste(
    "naar_route",
    "partner_bevestigd",
    _("Ten minste één partner naast het initiatief heeft bevestigd."),
)
def partner_bevestigd(traject) -> bool:
    return Partner.objects.filter(traject=traject, status=PartnerStatus.BEVESTIGD).exists()


@fasen.vereiste("naar_route", "partners_rol", _("Elke bevestigde partner heeft een rol."))
def partners_rol(traject) -> bool:
    return not Partner.objects.filter(
        traject=traject, status=PartnerStatus.BEVESTIGD, rol=""
    ).exists()


@fasen.vereiste(
    "naar_route",
    "partners_horizon",
    _("Elke bevestigde partner is akkoord met de stip aan de horizon zoals die nu is."),
)
def partners_horizon(traject) -> bool:
    return selectors.partners_akkoord_met_horizon(traject=traject)


# --- route -> overdracht ------------------------------------------------------------------------


@fasen.vereiste("naar_overdracht", "mijlpaal", _("De route heeft ten minste één mijlpaal."))
def heeft_mijlpaal(traject) -> bool:
    return Mijlpaal.objects.filter(traject=traject).exists()


@fasen.vereiste(
    "naar_overdracht",
    "route_kader",
    _("De startdatum en looptijd van de route zijn ingevuld, en alle mijlpalen vallen erbinnen."),
)
def route_kader(traject) -> bool:
    route = Route.objects.filter(traject=traject).first()
    if route is None or route.einddatum is None:
        return False
    return (
        not Mijlpaal.objects.filter(traject=traject)
        .filter(Q(datum__lt=route.startdatum) | Q(datum__gt=route.einddatum))
        .exists()
    )


@fasen.vereiste(
    "naar_overdracht",
    "inzet_partners",
    _("Elke bevestigde partner heeft zijn inzet ingevuld en bevestigd."),
)
def inzet_partners(traject) -> bool:
    return not (
        Partner.objects.filter(traject=traject, status=PartnerStatus.BEVESTIGD)
        .annotate(
            aantal=Count("inzet"),
            open=Count("inzet", filter=Q(inzet__bevestigd_op__isnull=True)),
        )
        .filter(Q(aantal=0) | Q(open__gt=0))
        .exists()
    )


@fasen.vereiste(
    "naar_overdracht",
    "begroting_dekt",
    _(
        "De begroting klopt: de dekking is ten minste gelijk aan de kosten, en de tranches van "
        "de gemeente zijn samen gelijk aan de dekking door de gemeente."
    ),
)
def begroting_dekt(traject) -> bool:
    b = selectors.begroting(traject=traject)
    return b.dekt and b.tranches_kloppen


@fasen.vereiste(
    "naar_overdracht",
    "route_akkoord",
    _(
        "Er is akkoord gevraagd op de route, en de gemeente, het initiatief en elke partner "
        "zijn akkoord met die versie (daarna is niets meer gewijzigd)."
    ),
)
def route_akkoord(traject) -> bool:
    return selectors.route_iedereen_akkoord(traject=traject)


# --- into the route phase: the route exists from the first moment ------------------------------


def route_aanmaken(*, traject, door, motivatie) -> None:
    """The traject's route is made when it enters the route phase (forward from the coalition,
    or back from the hand-over or the evaluation, where it already has one), so that the
    route's pages only read (``selectors.route_van``): a GET never creates rows."""
    from .services import route_ophalen_of_maken

    route_ophalen_of_maken(traject)


for _transitie in TABEL:
    if _transitie.naar == TrajectStatus.ROUTE:
        fasen.na_transitie(_transitie.naam)(route_aanmaken)


# --- moving back: the data stays, later agreements are withdrawn -------------------------------


def _akkoorden_intrekken_na(transitie: Transitie):
    def gevolg(*, traject, door, motivatie) -> None:
        from .services import route_akkoorden_intrekken

        reden = gettext("%(terug)s: akkoorden op de route ingetrokken.") % {
            "terug": transitie.reden_terug
        }
        route_akkoorden_intrekken(traject=traject, door=door, reden=f"{reden} {motivatie}".strip())

    gevolg.__name__ = gevolg.__qualname__ = f"route_akkoorden_intrekken_na_{transitie.naam}"
    return gevolg


for _transitie in TABEL:
    if _transitie.richting == Richting.TERUG:
        fasen.na_transitie(_transitie.naam)(_akkoorden_intrekken_na(_transitie))
