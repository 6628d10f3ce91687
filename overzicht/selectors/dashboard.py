"""The officials' dashboard: counts per phase, what waits for the gemeente (the phase apps'
to-dos) and the filtered, sorted list of trajecten with its export."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, QuerySet, Window

from aanbesteden.bijdragen import DashboardTaak, LijstFilter, LijstKolom, Peil, bijdragen
from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Gemeente, Traject

#: How many rows each to-do list shows at most (the total is shown as a number).
TAKEN_MAX = 50


def vandaag() -> date:
    return Peil.nu().vandaag


def fase_tellingen(*, gemeente: Gemeente) -> list[dict[str, Any]]:
    """How many trajecten of ``gemeente`` are in each state, in the order of the journey."""
    rijen = dict(
        Traject.objects.filter(gemeente=gemeente)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    totaal = sum(rijen.values())
    return [
        {
            "status": status,
            "label": label,
            "aantal": rijen.get(status, 0),
            "procent": round(100 * rijen.get(status, 0) / totaal) if totaal else 0,
        }
        for status, label in TrajectStatus.choices
    ]


@dataclass(frozen=True)
class TaakLijst:
    """One kind of to-do: its first rows and how many there are."""

    taak: DashboardTaak
    rijen: list[Any]
    aantal: int


@dataclass
class Takenlijst:
    """What needs an official now, per kind (in the order the phase apps gave)."""

    lijsten: list[TaakLijst] = field(default_factory=list)

    def __getitem__(self, code: str) -> list[Any]:
        for lijst in self.lijsten:
            if lijst.taak.code == code:
                return lijst.rijen
        raise KeyError(code)

    def aantal(self, code: str) -> int:
        return next(lijst.aantal for lijst in self.lijsten if lijst.taak.code == code)

    @property
    def totaal(self) -> int:
        return sum(lijst.aantal for lijst in self.lijsten)


def _eerste_en_aantal(qs: QuerySet) -> tuple[list[Any], int]:
    """The first ``TAKEN_MAX`` rows and how many there are, in one query: the count rides
    along on every row as a window over the whole result (taken before the LIMIT). A query
    with DISTINCT or a GROUP BY would count before those, so it is counted apart."""
    if qs.query.distinct or qs.query.group_by is not None:
        return list(qs[:TAKEN_MAX]), qs.count()
    rijen = list(qs.annotate(_taken_aantal=Window(Count("pk")))[:TAKEN_MAX])
    return rijen, (rijen[0]._taken_aantal if rijen else 0)


def takenlijst(*, gemeente: Gemeente) -> Takenlijst:
    """Every to-do the phase apps contribute: one query each (the first rows, with the
    count)."""
    peil = Peil.nu()
    lijsten = []
    for taak in bijdragen.van(DashboardTaak):
        rijen, aantal = _eerste_en_aantal(taak.rijen(gemeente, peil))
        lijsten.append(TaakLijst(taak=taak, rijen=rijen, aantal=aantal))
    return Takenlijst(lijsten=lijsten)


# --- the officials' list --------------------------------------------------------------------

#: The core's sortings; the phase apps add theirs (``lijst_kolom(sorteringen=...)``).
KERN_SORTERINGEN: dict[str, tuple[Any, ...]] = {
    "-gewijzigd": ("-updated_at", "-pk"),
    "gewijzigd": ("updated_at", "pk"),
    "titel": ("titel", "pk"),
    "-titel": ("-titel", "-pk"),
    "status": ("status", "titel", "pk"),
}


def kolommen() -> list[LijstKolom]:
    return bijdragen.van(LijstKolom)


def filters() -> list[LijstFilter]:
    return bijdragen.van(LijstFilter)


def sorteringen() -> dict[str, tuple[Any, ...]]:
    """Every sorting of the list by its code: the core's, then the phase apps'."""
    alle = dict(KERN_SORTERINGEN)
    for kolom in kolommen():
        alle.update({code: s.volgorde for code, s in kolom.sorteringen.items()})
    return alle


def trajecten_lijst(
    *,
    gemeente: Gemeente,
    zoek: str = "",
    status: str = "",
    thema: str = "",
    wijk: str = "",
    termijn: str = "",
    sortering: str = "-gewijzigd",
    **velden: Any,
) -> QuerySet[Traject]:
    """The official's filtered and sorted list, with what its columns and export show (the
    phase apps' columns add it to this one query). ``velden`` are the values of the phase
    apps' filter fields, by code."""
    qs = Traject.objects.filter(gemeente=gemeente)
    termijnen = {}
    for kolom in kolommen():
        qs = kolom.voorbereiden(qs)
        termijnen.update(kolom.termijnen)
    if zoek:
        qs = qs.filter(titel__icontains=zoek)
    if status:
        qs = qs.filter(status=status)
    if thema:
        qs = qs.filter(thema=thema)
    if wijk:
        qs = qs.filter(wijk=wijk)
    for filter_ in filters():
        waarde = velden.get(filter_.code)
        if waarde not in (None, ""):
            qs = filter_.toepassen(qs, waarde)
    if termijn in termijnen:
        qs = termijnen[termijn].filter(qs, Peil.nu())
    volgordes = sorteringen()
    return qs.order_by(*volgordes.get(sortering, volgordes["-gewijzigd"]))


def filter_keuzes(*, gemeente: Gemeente) -> dict[str, list[str]]:
    """The themes and wijken that occur in ``gemeente``'s trajecten, for the filter form."""
    rijen = list(
        Traject.objects.filter(gemeente=gemeente).order_by().values_list("thema", "wijk").distinct()
    )
    return {
        "thema": sorted({t for t, _w in rijen if t}),
        "wijk": sorted({w for _t, w in rijen if w}),
    }
