"""Each indicator's measurements over time against baseline and target: the numbers, a
red/amber/green status, and the coordinates of a server-rendered SVG chart (no JavaScript).

Status (``Voortgang``): the expected progress is the share of the agreement's duration that
has passed (0 at the start date, 1 at the end). The progress reached is how far the latest
measured value has come from the baseline toward the target, as a fraction (so it follows the
direction of the target: lower is better when the target lies below the baseline).

* green: reached ≥ expected;
* amber: reached ≥ 80% of expected;
* red: below that;
* without a target (or target equal to the baseline): green when the latest value is at least
  as good as the baseline in the direction of ``hoger_is_beter``, red otherwise;
* no measurement yet: unknown.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from aanbesteden.models import Traject
from aanbesteden.opmaak import datum as datum_tekst
from aanbesteden.opmaak import getal, maanden_later
from initiatieven.models import Indicator

from . import selectors
from .constants import Voortgang
from .models import Meting

BREEDTE, HOOGTE = 560, 260
LINKS, RECHTS, BOVEN, ONDER = 80, 20, 20, 44
DREMPEL_ORANJE = Decimal("0.8")


@dataclass
class Punt:
    datum: datetime.date
    waarde: Decimal
    bron: str
    partij: str
    x: float = 0
    y: float = 0


@dataclass
class Grafiek:
    indicator: Indicator
    punten: list[Punt] = field(default_factory=list)
    status: str = Voortgang.ONBEKEND
    verwacht: Decimal | None = None
    nul_y: float = 0
    streef_y: float | None = None
    lijn: str = ""
    y_labels: list[tuple[float, str]] = field(default_factory=list)
    x_labels: list[tuple[float, str]] = field(default_factory=list)
    breedte: int = BREEDTE
    hoogte: int = HOOGTE
    links: int = LINKS
    rechts_x: int = BREEDTE - RECHTS
    onder_y: int = HOOGTE - ONDER

    @property
    def status_label(self) -> str:
        return Voortgang(self.status).label

    @property
    def laatste(self) -> Punt | None:
        return self.punten[-1] if self.punten else None


def verstreken_aandeel(*, start: datetime.date, einde: datetime.date, dag: datetime.date):
    if einde <= start:
        return Decimal(1)
    aandeel = Decimal((dag - start).days) / Decimal((einde - start).days)
    return min(Decimal(1), max(Decimal(0), aandeel))


def voortgang_status(*, indicator: Indicator, laatste: Decimal | None, aandeel: Decimal) -> str:
    if laatste is None:
        return Voortgang.ONBEKEND
    nul, streef = indicator.nulwaarde, indicator.streefwaarde
    if streef is None or streef == nul:
        beter = laatste >= nul if indicator.hoger_is_beter else laatste <= nul
        return Voortgang.GROEN if beter else Voortgang.ROOD
    bereikt = (laatste - nul) / (streef - nul)
    if bereikt >= aandeel:
        return Voortgang.GROEN
    if bereikt >= DREMPEL_ORANJE * aandeel:
        return Voortgang.ORANJE
    return Voortgang.ROOD


def indicator_grafieken(*, traject: Traject, dag: datetime.date) -> list[Grafiek]:
    """One chart per indicator of the traject, in three queries whatever the data size."""
    indicatoren = selectors.indicatoren(traject=traject)
    metingen = (
        Meting.objects.filter(bijdrage__evaluatie__moment__traject=traject)
        .select_related("bijdrage__partner")
        .order_by("gemeten_op", "pk")
    )
    per_indicator: dict[int, list[Punt]] = {i.pk: [] for i in indicatoren}
    for m in metingen:
        partij = m.bijdrage.partner.organisatie if m.bijdrage.partner else m.bijdrage.partij_soort
        per_indicator.setdefault(m.indicator_id, []).append(
            Punt(datum=m.gemeten_op, waarde=m.waarde, bron=m.bron, partij=partij)
        )
    versie = selectors.verzegelde_versie(traject=traject)
    if versie is not None:
        start = versie.startdatum
        einde = maanden_later(versie.startdatum, versie.looptijd_maanden)
    else:
        start, einde = None, None
    grafieken = []
    for indicator in indicatoren:
        punten = per_indicator[indicator.pk]
        if start is not None:
            aandeel = verstreken_aandeel(start=start, einde=einde, dag=dag)
        else:
            aandeel = Decimal(1)
        grafiek = Grafiek(indicator=indicator, punten=punten)
        grafiek.status = voortgang_status(
            indicator=indicator, laatste=punten[-1].waarde if punten else None, aandeel=aandeel
        )
        if indicator.streefwaarde is not None:
            grafiek.verwacht = (
                indicator.nulwaarde + (indicator.streefwaarde - indicator.nulwaarde) * aandeel
            ).quantize(Decimal("0.01"))
        _tekenen(grafiek, start=start, einde=einde)
        grafieken.append(grafiek)
    return grafieken


def _tekenen(grafiek: Grafiek, *, start, einde) -> None:
    """Compute the SVG coordinates of baseline, target and measurements."""
    ind = grafiek.indicator
    waarden = [ind.nulwaarde, *(p.waarde for p in grafiek.punten)]
    if ind.streefwaarde is not None:
        waarden.append(ind.streefwaarde)
    laag, hoog = float(min(waarden)), float(max(waarden))
    if hoog == laag:
        laag, hoog = laag - 1, hoog + 1
    marge = (hoog - laag) * 0.1
    laag, hoog = laag - marge, hoog + marge
    datums = [p.datum for p in grafiek.punten]
    eerste = min([d for d in [start, *datums] if d is not None], default=None)
    laatste = max([d for d in [einde, *datums] if d is not None], default=None)
    if eerste is None:
        eerste = laatste = datetime.date.today()
    dagen = max((laatste - eerste).days, 1)
    breed = BREEDTE - LINKS - RECHTS
    hoog_px = HOOGTE - BOVEN - ONDER

    def x(d: datetime.date) -> float:
        return round(LINKS + breed * (d - eerste).days / dagen, 1)

    def y(w) -> float:
        return round(BOVEN + hoog_px * (1 - (float(w) - laag) / (hoog - laag)), 1)

    for p in grafiek.punten:
        p.x, p.y = x(p.datum), y(p.waarde)
    grafiek.nul_y = y(ind.nulwaarde)
    grafiek.streef_y = y(ind.streefwaarde) if ind.streefwaarde is not None else None
    grafiek.lijn = " ".join(f"{p.x},{p.y}" for p in grafiek.punten)
    grafiek.y_labels = [(grafiek.nul_y, getal(ind.nulwaarde))]
    if ind.streefwaarde is not None:
        grafiek.y_labels.append((grafiek.streef_y, getal(ind.streefwaarde)))
    grafiek.x_labels = [(x(eerste), datum_tekst(eerste)), (x(laatste), datum_tekst(laatste))]
