"""The public register and its open data: every task handed over, with the facts the phase
apps contribute (nothing that identifies a person), and the lists they add (the open
calls)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from aanbesteden.bijdragen import OpenbareSectie, RegisterKolom, RegisterLijst, bijdragen
from aanbesteden.constants import OVERGEDRAGEN, TrajectStatus
from aanbesteden.models import Gemeente, Traject

#: The fields of a handed-over task in the open data, in this order (docs/open-data.md);
#: the phase apps' columns give all but the core's own.
VELDEN = (
    "id",
    "taak",
    "opgave",
    "thema",
    "wijk",
    "status",
    "status_label",
    "initiatief",
    "partners",
    "sinds",
    "budget_gemeente",
    "indicatoren",
    "laatste_evaluatie",
    "volgende_evaluatie",
)


def register_trajecten(*, gemeente: Gemeente | None) -> QuerySet[Traject]:
    """Every task handed over (from overdracht on), with what the register may show; of one
    gemeente, or (``None``: the API) of every gemeente."""
    qs = Traject.objects.filter(status__in=OVERGEDRAGEN)
    if gemeente is not None:
        qs = qs.filter(gemeente=gemeente)
    for kolom in bijdragen.van(RegisterKolom):
        qs = kolom.voorbereiden(qs)
    return qs.order_by("titel", "pk")


def register_rij(traject: Traject) -> dict[str, Any]:
    """One handed-over task as open data: only what may be public (no person's data)."""
    rij: dict[str, Any] = {
        "id": traject.pk,
        "taak": traject.titel,
        "thema": traject.thema,
        "wijk": traject.wijk,
        "status": traject.status,
        "status_label": str(TrajectStatus(traject.status).label),
    }
    for kolom in bijdragen.van(RegisterKolom):
        rij.update(kolom.waarden(traject))
    return {veld: rij[veld] for veld in VELDEN if veld in rij} | {
        veld: waarde for veld, waarde in rij.items() if veld not in VELDEN
    }


def register_lijsten(*, gemeente: Gemeente) -> list[tuple[RegisterLijst, QuerySet]]:
    """The lists the phase apps add to the register (the open calls), with their rows."""
    return [(lijst, lijst.rijen(gemeente)) for lijst in bijdragen.van(RegisterLijst)]


def register_traject_get(*, gemeente: Gemeente, pk: int) -> Traject:
    """A handed-over task of ``gemeente`` as the register shows it, or 404 (also for a traject
    that is not handed over)."""
    traject = register_trajecten(gemeente=gemeente).select_related("gemeente").filter(pk=pk).first()
    if traject is None:
        raise Http404
    return traject


def openbare_secties(*, traject: Traject) -> list[tuple[OpenbareSectie, dict[str, Any]]]:
    """The sections the phase apps add to the task's public page, each with what it shows;
    a section without anything to show is left out."""
    secties = []
    for sectie in bijdragen.van(OpenbareSectie):
        gegevens = sectie.gegevens(traject)
        if gegevens is not None:
            secties.append((sectie, gegevens))
    return secties
