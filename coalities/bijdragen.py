"""What these phases contribute to the overviews (``aanbesteden.bijdragen``): routes waiting
for the gemeente's agreement (dashboard), routes waiting for the initiative's or a partner's
agreement and open invitations (my page), the partners and the gemeente's budget (public
register), the money paid in the year (report) and the coalition's and route's records
(archive dossier)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbesteden.bijdragen import bijdragen
from aanbesteden.constants import OVERGEDRAGEN, PartijSoort, TrajectStatus
from aanbesteden.zoeken import zoek_filter

from .constants import PartnerStatus, UitnodigingStatus
from .models import (
    Begrotingspost,
    Inzet,
    Mijlpaal,
    Partner,
    Route,
    RouteAkkoord,
    RouteVersie,
    Tranche,
    Uitnodiging,
)

# --- the officials' dashboard and my page -----------------------------------------------------


def route_wacht_op_gemeente(gemeente, peil):
    """Routes with a version asked for agreement (and no change since) without the gemeente's
    agreement."""
    akkoord = RouteAkkoord.objects.filter(
        route=OuterRef("pk"), versie=OuterRef("versie"), partij_soort=PartijSoort.GEMEENTE
    )
    return (
        Route.objects.filter(
            traject__gemeente=gemeente,
            traject__status=TrajectStatus.ROUTE,
            versie__gte=1,
            concept_gewijzigd=False,
        )
        .exclude(Exists(akkoord))
        .select_related("traject")
        .order_by("traject__status_sinds", "pk")
    )


def route_wacht_op_deelnemer(deelnemer):
    """Routes with a version asked for agreement (and no change since) in which the initiative
    (if the person acts for it) or the person as a confirmed partner has not agreed yet."""
    gebruiker = deelnemer.gebruiker
    akkoord_ini = RouteAkkoord.objects.filter(
        route=OuterRef("pk"), versie=OuterRef("versie"), partij_soort=PartijSoort.INITIATIEF
    )
    akkoord_partner = RouteAkkoord.objects.filter(
        route=OuterRef("pk"),
        versie=OuterRef("versie"),
        partij_soort=PartijSoort.PARTNER,
        partner__gebruiker=gebruiker,
    )
    return (
        Route.objects.filter(
            traject__status=TrajectStatus.ROUTE, versie__gte=1, concept_gewijzigd=False
        )
        .filter(
            (Q(traject__in=deelnemer.als_initiatief) & ~Exists(akkoord_ini))
            | (
                Q(
                    traject__partners__gebruiker=gebruiker,
                    traject__partners__status=PartnerStatus.BEVESTIGD,
                )
                & ~Exists(akkoord_partner)
            )
        )
        .select_related("traject")
        .distinct()
    )


def horizon_wacht_op_partner(deelnemer):
    """The person's confirmed partnerships in the coalition phase that have not answered the
    horizon as it is now."""
    return (
        Partner.objects.filter(
            gebruiker=deelnemer.gebruiker,
            status=PartnerStatus.BEVESTIGD,
            traject__status=TrajectStatus.COALITIE,
            traject__horizon__isnull=False,
        )
        .exclude(horizon_versie=F("traject__horizon__versie"))
        .select_related("traject")
        .order_by("traject__status_sinds", "pk")
    )


def open_uitnodigingen(deelnemer):
    return (
        Uitnodiging.objects.filter(
            email__iexact=deelnemer.gebruiker.email,
            status=UitnodigingStatus.OPEN,
            verloopt_op__gt=timezone.now(),
        )
        .select_related("traject__gemeente")
        .order_by("verloopt_op", "pk")
    )


bijdragen.dashboard_taak(
    "routes",
    titel=_("Route wacht op akkoord van de gemeente"),
    template="coalities/overzicht/_taak_route_gemeente.html",
    rijen=route_wacht_op_gemeente,
    volgorde=30,
)
bijdragen.mijn_taak(
    "routes",
    titel=_("Akkoord geven op de route"),
    template="coalities/overzicht/_taak_route.html",
    rijen=route_wacht_op_deelnemer,
    volgorde=20,
)
bijdragen.mijn_taak(
    "horizon_partner",
    titel=_("Zeggen of u akkoord bent met de stip aan de horizon"),
    template="coalities/overzicht/_taak_horizon.html",
    rijen=horizon_wacht_op_partner,
    volgorde=15,
)
bijdragen.mijn_sectie(
    "uitnodigingen",
    template="coalities/overzicht/_uitnodigingen.html",
    rijen=open_uitnodigingen,
    volgorde=10,
)

# --- the public register and its open data ----------------------------------------------------

_GELD = DecimalField(max_digits=14, decimal_places=2)


def _register_voorbereiden(qs):
    budget = (
        Tranche.objects.filter(traject=OuterRef("pk"))
        .order_by()
        .values("traject")
        .annotate(s=Sum("bedrag"))
        .values("s")
    )
    return qs.annotate(
        budget_gemeente=Coalesce(
            Subquery(budget, output_field=_GELD), Value(Decimal("0")), output_field=_GELD
        )
    ).prefetch_related(
        Prefetch(
            "partners",
            queryset=Partner.objects.filter(
                publiceren=True, status=PartnerStatus.BEVESTIGD
            ).order_by("organisatie", "pk"),
            to_attr="openbare_partners",
        )
    )


def _register_waarden(traject) -> dict:
    """The partners that agreed to be named, and what the gemeente pays in tranches."""
    return {
        "partners": [p.organisatie for p in traject.openbare_partners],
        "budget_gemeente": f"{Decimal(traject.budget_gemeente or 0):.2f}",
    }


bijdragen.register_kolom(
    "coalitie", voorbereiden=_register_voorbereiden, waarden=_register_waarden, volgorde=20
)

# --- the year report ----------------------------------------------------------------------------


def geld_in_jaar(gemeente, jaar) -> dict:
    geld = Tranche.objects.filter(
        traject__gemeente=gemeente, traject__status__in=OVERGEDRAGEN, datum__year=jaar
    ).aggregate(totaal=Sum("bedrag"), trajecten=Count("traject", distinct=True))
    return {"geld": geld["totaal"] or Decimal("0"), "geld_trajecten": geld["trajecten"]}


bijdragen.jaarcijfers("geld", cijfers=geld_in_jaar, volgorde=20)

# --- the archive dossier -------------------------------------------------------------------------

bijdragen.dossier_gegevens(
    "coalities.uitnodiging",
    rijen=lambda t: Uitnodiging.objects.filter(traject=t).defer("token_hash"),
    weglaten=("token_hash",),
    volgorde=20,
)
for _label, _rijen in (
    ("coalities.partner", lambda t: Partner.objects.filter(traject=t)),
    ("coalities.route", lambda t: Route.objects.filter(traject=t)),
    ("coalities.routeversie", lambda t: RouteVersie.objects.filter(route__traject=t)),
    ("coalities.routeakkoord", lambda t: RouteAkkoord.objects.filter(route__traject=t)),
    ("coalities.mijlpaal", lambda t: Mijlpaal.objects.filter(traject=t)),
    ("coalities.inzet", lambda t: Inzet.objects.filter(traject=t)),
    ("coalities.begrotingspost", lambda t: Begrotingspost.objects.filter(traject=t)),
    ("coalities.tranche", lambda t: Tranche.objects.filter(traject=t)),
):
    bijdragen.dossier_gegevens(_label, rijen=_rijen, volgorde=20)

# --- the public page of a handed-over task -----------------------------------------------------


def openbare_mijlpalen(traject) -> dict | None:
    """The milestones of the route: those whose date has passed, and those still to come. Only
    what and when; who is responsible is left out (it may name a person)."""
    vandaag = timezone.localdate()
    mijlpalen = list(
        Mijlpaal.objects.filter(traject=traject)
        .only("titel", "omschrijving", "datum")
        .order_by("datum", "pk")[:100]
    )
    if not mijlpalen:
        return None
    return {
        "bereikt": [m for m in mijlpalen if m.datum <= vandaag],
        "komend": [m for m in mijlpalen if m.datum > vandaag],
    }


bijdragen.openbare_sectie(
    "mijlpalen",
    template="coalities/overzicht/_openbaar_mijlpalen.html",
    gegevens=openbare_mijlpalen,
    volgorde=30,
)

# --- search (the gemeente's officials) -----------------------------------------------------------


def partners_zoeken(gemeente, tekst):
    qs = Partner.objects.filter(traject__gemeente=gemeente).select_related("traject")
    return zoek_filter(qs, velden=("organisatie", "contactpersoon", "traject__titel"), tekst=tekst)


def partner_zoekrij(partner) -> dict:
    return {
        "titel": partner.organisatie,
        "url": reverse("coalities:coalitie", kwargs={"pk": partner.traject_id}),
        "tekst": partner.get_status_display(),
        "bij": partner.traject.titel,
    }


bijdragen.zoekbron(
    "partners",
    titel=_("Partners"),
    zoeken=partners_zoeken,
    rij=partner_zoekrij,
    publiek=False,
    volgorde=40,
)
