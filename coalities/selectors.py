"""Reads of phases 2 and 3: the coalition, the route, the contribution matrix and the timeline.

Each function runs a fixed number of queries, whatever the number of partners or milestones.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from aanbesteden.constants import PartijSoort
from aanbesteden.models import Traject
from aanbesteden.opmaak import euro

from .constants import DekkingBron, HorizonOordeel, InzetSoort, PartnerStatus, PostSoort
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

NUL = Decimal("0")


def uitnodigingen(*, traject: Traject) -> QuerySet[Uitnodiging]:
    return (
        Uitnodiging.objects.filter(traject=traject)
        .select_related("partner", "uitgenodigd_door")
        .order_by("created_at", "pk")
    )


def actieve_partners(*, traject: Traject) -> QuerySet[Partner]:
    return Partner.objects.filter(traject=traject, status=PartnerStatus.BEVESTIGD).select_related(
        "gebruiker"
    )


def alle_partners(*, traject: Traject) -> QuerySet[Partner]:
    return Partner.objects.filter(traject=traject).select_related("gebruiker")


def horizon_versie(*, traject: Traject) -> int | None:
    """The version of the traject's horizon now, or None when it has none."""
    from initiatieven.models import Horizon

    return Horizon.objects.filter(traject=traject).values_list("versie", flat=True).first()


def horizon_stand(partner: Partner, versie: int | None) -> str:
    """What a partner said about the horizon as it is now: ``akkoord``, ``bezwaar`` or ``open``
    (no answer, or an answer to an earlier version)."""
    if not partner.horizon_oordeel or versie is None or partner.horizon_versie != versie:
        return "open"
    return partner.horizon_oordeel


def partners_met_horizonstand(*, traject: Traject) -> list[Partner]:
    """Every partner of the traject, each with ``horizon_stand`` set (two queries)."""
    versie = horizon_versie(traject=traject)
    partners = list(alle_partners(traject=traject))
    for partner in partners:
        partner.horizon_stand = (  # type: ignore[attr-defined]
            horizon_stand(partner, versie) if partner.status == PartnerStatus.BEVESTIGD else ""
        )
    return partners


def partners_akkoord_met_horizon(*, traject: Traject) -> bool:
    """Whether every confirmed partner agreed to the horizon's current version (a traject
    without a horizon has nothing to agree to)."""
    versie = horizon_versie(traject=traject)
    if versie is None:
        return True
    return (
        not Partner.objects.filter(traject=traject, status=PartnerStatus.BEVESTIGD)
        .exclude(horizon_oordeel=HorizonOordeel.AKKOORD, horizon_versie=versie)
        .exists()
    )


def bevestigde_partner_van(*, traject: Traject, gebruiker: Any) -> Partner | None:
    """``gebruiker``'s confirmed partnership of the traject, or None."""
    return Partner.objects.filter(
        traject=traject, gebruiker=gebruiker, status=PartnerStatus.BEVESTIGD
    ).first()


def uitnodiging_get(*, traject: Traject, pk: Any) -> Uitnodiging:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(Uitnodiging.objects.select_related("traject"), traject=traject, pk=pk)


def route_van(*, traject: Traject) -> Route | None:
    """The traject's route, or None when it has none yet (``_van`` reads and may give None;
    ``_get`` gives the object or 404; ``services.route_ophalen_of_maken`` makes it)."""
    return Route.objects.filter(traject=traject).first()


def route_versies(*, traject: Traject) -> QuerySet[RouteVersie]:
    """The route's versions (what was asked to agree on), with who made each."""
    return RouteVersie.objects.filter(route__traject=traject).select_related("gewijzigd_door")


def route_iedereen_akkoord(*, traject: Traject, route: Route | None = None) -> bool:
    """Whether the gemeente, the initiative and every confirmed partner agreed to the last
    version asked, and the draft has not changed since (two queries)."""
    route = route or route_van(traject=traject)
    if route is None or not route.versie or route.concept_gewijzigd:
        return False
    akkoorden = set(
        RouteAkkoord.objects.filter(route=route, versie=route.versie).values_list(
            "partij_soort", "partner_id"
        )
    )
    nodig = {(PartijSoort.GEMEENTE.value, None), (PartijSoort.INITIATIEF.value, None)} | {
        (PartijSoort.PARTNER.value, pk)
        for pk in Partner.objects.filter(
            traject=traject, status=PartnerStatus.BEVESTIGD
        ).values_list("pk", flat=True)
    }
    return nodig <= akkoorden


@dataclass
class Partij:
    """A party of the route: the gemeente, the initiative or one partner."""

    soort: str
    naam: str
    partner: Partner | None = None
    cellen: dict[str, list[tuple[Decimal, str]]] = field(default_factory=dict)
    aantal: int = 0
    onbevestigd: int = 0
    akkoord: bool = False

    @property
    def sleutel(self) -> str:
        return f"partner-{self.partner.pk}" if self.partner else self.soort

    @property
    def rijen(self) -> list[tuple[str, list[tuple[Decimal, str]]]]:
        """(label of the kind, the cell) for every kind of contribution, in the columns'
        order; the label heads the cell when the table stacks on a narrow screen."""
        return [(label, self.cellen.get(s, [])) for s, label in InzetSoort.choices]

    @property
    def bevestigd(self) -> bool:
        return self.aantal > 0 and self.onbevestigd == 0


def partijen(*, traject: Traject, partners: list[Partner] | None = None) -> list[Partij]:
    if partners is None:
        partners = list(actieve_partners(traject=traject))
    lijst = [
        Partij(PartijSoort.GEMEENTE, traject.gemeente.naam),
        Partij(PartijSoort.INITIATIEF, str(PartijSoort.INITIATIEF.label)),
    ]
    lijst += [Partij(PartijSoort.PARTNER, p.organisatie, p) for p in partners]
    return lijst


def _som_per_eenheid(regels: list[tuple[Decimal, str]]) -> list[tuple[Decimal, str]]:
    som: dict[str, Decimal] = defaultdict(lambda: NUL)
    for hoeveelheid, eenheid in regels:
        som[eenheid] += hoeveelheid
    return sorted(((v, k) for k, v in som.items()), key=lambda t: t[1])


def inzet_matrix(*, traject: Traject, lijst: list[Partij]) -> dict[str, Any]:
    """Parties × kinds of contribution, each cell summed per unit, with totals per kind."""
    per_sleutel = {p.sleutel: p for p in lijst}
    rijen = (
        Inzet.objects.filter(traject=traject)
        .filter(Q(partner__isnull=True) | Q(partner__status=PartnerStatus.BEVESTIGD))
        .values("partij_soort", "partner_id", "soort", "eenheid")
        .annotate(
            totaal=Sum("hoeveelheid"),
            aantal=Count("pk"),
            onbevestigd=Count("pk", filter=Q(bevestigd_op__isnull=True)),
        )
        .order_by("partij_soort", "partner_id", "soort", "eenheid")
    )
    per_soort: dict[str, list[tuple[Decimal, str]]] = defaultdict(list)
    for rij in rijen:
        sleutel = f"partner-{rij['partner_id']}" if rij["partner_id"] else rij["partij_soort"]
        partij = per_sleutel.get(sleutel)
        if partij is None:
            continue
        partij.cellen.setdefault(rij["soort"], []).append((rij["totaal"], rij["eenheid"]))
        partij.aantal += rij["aantal"]
        partij.onbevestigd += rij["onbevestigd"]
        per_soort[rij["soort"]].append((rij["totaal"], rij["eenheid"]))
    return {
        "soorten": InzetSoort.choices,
        "partijen": lijst,
        "totalen": [
            (label, _som_per_eenheid(per_soort.get(s, []))) for s, label in InzetSoort.choices
        ],
        "leeg": not any(p.aantal for p in lijst),
    }


@dataclass
class Begroting:
    posten: list[Begrotingspost]
    tranches: list[Tranche]
    kosten: Decimal = NUL
    dekking: Decimal = NUL
    dekking_gemeente: Decimal = NUL
    tranches_totaal: Decimal = NUL
    per_bron: list[tuple[str, Decimal]] = field(default_factory=list)

    @property
    def tekort(self) -> Decimal:
        return max(self.kosten - self.dekking, NUL)

    @property
    def dekt(self) -> bool:
        return self.kosten > 0 and self.dekking >= self.kosten

    @property
    def tranches_kloppen(self) -> bool:
        return self.tranches_totaal == self.dekking_gemeente

    @property
    def kostenposten(self) -> list[Begrotingspost]:
        return [p for p in self.posten if p.soort == PostSoort.KOSTEN]

    @property
    def dekkingsposten(self) -> list[Begrotingspost]:
        return [p for p in self.posten if p.soort == PostSoort.DEKKING]


def begroting(*, traject: Traject) -> Begroting:
    """Budget lines, tranches and their totals (computed, never typed): two queries."""
    posten = list(
        Begrotingspost.objects.filter(traject=traject)
        .select_related("mijlpaal")
        .order_by("soort", "pk")
    )
    tranches = list(Tranche.objects.filter(traject=traject).select_related("mijlpaal"))
    b = Begroting(posten=posten, tranches=tranches)
    per_bron: dict[str, Decimal] = defaultdict(lambda: NUL)
    for post in posten:
        if post.soort == PostSoort.KOSTEN:
            b.kosten += post.bedrag
        else:
            b.dekking += post.bedrag
            per_bron[post.bron] += post.bedrag
    b.dekking_gemeente = per_bron.get(DekkingBron.GEMEENTE, NUL)
    b.tranches_totaal = sum((t.bedrag for t in tranches), NUL)
    b.per_bron = [
        (str(label), per_bron[code]) for code, label in DekkingBron.choices if code in per_bron
    ]
    return b


def begroting_fouten(b: Begroting) -> list[str]:
    """What does not add up in the budget, in words."""
    from django.utils.translation import gettext as _

    fouten = []
    if b.kosten == 0:
        fouten.append(_("Er staan nog geen kosten in de begroting."))
    elif b.dekking < b.kosten:
        fouten.append(
            _("De dekking (%(dekking)s) is lager dan de kosten (%(kosten)s): %(tekort)s tekort.")
            % {"dekking": euro(b.dekking), "kosten": euro(b.kosten), "tekort": euro(b.tekort)}
        )
    if not b.tranches_kloppen:
        fouten.append(
            _(
                "De tranches van de gemeente (samen %(tranches)s) zijn niet gelijk aan de "
                "dekking door de gemeente (%(gemeente)s)."
            )
            % {"tranches": euro(b.tranches_totaal), "gemeente": euro(b.dekking_gemeente)}
        )
    return fouten


def mijlpalen(*, traject: Traject) -> list[Mijlpaal]:
    """Milestones in date order, with their indicator, responsible partner and tranche total."""
    return list(
        Mijlpaal.objects.filter(traject=traject)
        .select_related("indicator", "verantwoordelijke_partner")
        .annotate(tranche_totaal=Sum("tranches__bedrag"))
        .order_by("datum", "pk")
    )


#: The drawing of the timeline (an inline SVG: its geometry in attributes, which the
#: Content-Security-Policy allows, unlike style attributes). Markers closer together than
#: ``MIN_AFSTAND`` percent of the width go on a lane of their own, at most ``BANEN`` lanes.
STRAAL = 11
BAAN_HOOGTE = 28
MIN_AFSTAND = 8
BANEN = 4


@dataclass
class Tijdlijn:
    """The milestones in date order, each with its place on the drawing: ``x`` (percent of
    the width between the route's start and end) and ``y`` (px); iterating gives the items."""

    items: list[dict[str, Any]]
    banen: int = 1

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def getekend(self) -> bool:
        """Whether every milestone has a place (the route has a start and a later end)."""
        return bool(self.items) and all("x" in item for item in self.items)

    @property
    def as_y(self) -> int:
        return BAAN_HOOGTE * self.banen + 6

    @property
    def datum_y(self) -> int:
        return self.as_y + 22

    @property
    def hoogte(self) -> int:
        return self.as_y + 28

    @property
    def straal(self) -> int:
        return STRAAL


def tijdlijn(*, route: Route | None, lijst: list[Mijlpaal]) -> Tijdlijn:
    """The milestones with their place between the route's start and end."""
    vandaag = timezone.localdate()
    start = route.startdatum if route else None
    einde = route.einddatum if route else None
    items = []
    laatste_per_baan: list[int] = []
    for m in lijst:
        item: dict[str, Any] = {"mijlpaal": m, "positie": None, "voorbij": m.datum < vandaag}
        if start and einde and einde > start:
            positie = round(100 * (m.datum - start).days / (einde - start).days)
            positie = min(max(positie, 0), 100)
            baan = next(
                (b for b, x in enumerate(laatste_per_baan) if positie - x >= MIN_AFSTAND), None
            )
            if baan is None and len(laatste_per_baan) < BANEN:
                baan = len(laatste_per_baan)
                laatste_per_baan.append(positie)
            elif baan is None:
                baan = min(range(BANEN), key=lambda b: laatste_per_baan[b])
            laatste_per_baan[baan] = positie
            item.update(positie=positie, x=f"{positie}%", y=STRAAL + 2 + BAAN_HOOGTE * baan)
        items.append(item)
    return Tijdlijn(items=items, banen=max(len(laatste_per_baan), 1))


def verantwoordelijke(m: Mijlpaal, gemeente_naam: str) -> str:
    if m.verantwoordelijke_soort == PartijSoort.PARTNER and m.verantwoordelijke_partner:
        return m.verantwoordelijke_partner.organisatie
    if m.verantwoordelijke_soort == PartijSoort.GEMEENTE:
        return gemeente_naam
    return str(PartijSoort(m.verantwoordelijke_soort).label)


def route_overzicht(*, traject: Traject) -> dict[str, Any]:
    """Everything the route page and panel show, in a fixed number of queries."""
    route = route_van(traject=traject)
    partners = list(actieve_partners(traject=traject))
    lijst = partijen(traject=traject, partners=partners)
    matrix = inzet_matrix(traject=traject, lijst=lijst)
    if route is not None and route.versie:
        akkoorden = set(
            RouteAkkoord.objects.filter(route=route, versie=route.versie).values_list(
                "partij_soort", "partner_id"
            )
        )
        for p in lijst:
            p.akkoord = (p.soort, p.partner.pk if p.partner else None) in akkoorden
    ms = mijlpalen(traject=traject)
    for m in ms:
        m.verantwoordelijke_naam = verantwoordelijke(m, traject.gemeente.naam)
    b = begroting(traject=traject)
    return {
        "route": route,
        "partners": partners,
        "partijen": lijst,
        "matrix": matrix,
        "mijlpalen": ms,
        "tijdlijn": tijdlijn(route=route, lijst=ms),
        "begroting": b,
        "begroting_fouten": begroting_fouten(b),
        "iedereen_akkoord": (
            route is not None
            and bool(route.versie)
            and not route.concept_gewijzigd
            and all(p.akkoord for p in lijst)
        ),
    }


def inzet_van_partijen(*, traject: Traject) -> list[Inzet]:
    """Every contribution, for the route page's list (one query)."""
    return list(
        Inzet.objects.filter(traject=traject)
        .filter(Q(partner__isnull=True) | Q(partner__status=PartnerStatus.BEVESTIGD))
        .select_related("partner", "mijlpaal")
        .order_by("partij_soort", "partner_id", "pk")
    )
