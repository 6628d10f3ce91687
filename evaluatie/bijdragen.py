"""What this phase contributes to the overviews (``aanbesteden.bijdragen``): evaluations due
soon or overdue (dashboard and my page), the next evaluation (the officials' list and its
export), the last decision and the next evaluation (public register), the indicators measured
in the year (report) and the evaluations' records (archive dossier)."""

from __future__ import annotations

from typing import Any

from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbesteden.bijdragen import Sortering, Termijn, bijdragen
from aanbesteden.constants import TrajectStatus

from .constants import Conclusie, MomentStatus
from .models import (
    Besteding,
    Evaluatie,
    EvaluatieBijdrage,
    Evaluatiemoment,
    Exitplan,
    Herinnering,
    Meting,
    Verankering,
)

# --- the officials' dashboard and my page -----------------------------------------------------


def evaluaties_termijn(gemeente, peil):
    return (
        Evaluatiemoment.objects.filter(
            traject__gemeente=gemeente,
            traject__status=TrajectStatus.EVALUATIE,
            status=MomentStatus.GEPLAND,
            gepland_op__lte=peil.grens,
        )
        .select_related("traject")
        .order_by("gepland_op", "pk")
    )


def evaluaties_deelnemer(deelnemer):
    return (
        Evaluatiemoment.objects.filter(
            traject__in=deelnemer.trajecten,
            traject__status=TrajectStatus.EVALUATIE,
            status=MomentStatus.GEPLAND,
            gepland_op__lte=deelnemer.peil.grens,
        )
        .select_related("traject")
        .order_by("gepland_op", "pk")
    )


bijdragen.dashboard_taak(
    "evaluaties",
    titel=_("Evaluaties die binnenkort moeten of te laat zijn"),
    template="evaluatie/overzicht/_taak_evaluatie_gemeente.html",
    rijen=evaluaties_termijn,
    volgorde=50,
)
bijdragen.mijn_taak(
    "evaluaties",
    titel=_("Meedoen aan een evaluatie"),
    template="evaluatie/overzicht/_taak_evaluatie.html",
    rijen=evaluaties_deelnemer,
    volgorde=40,
)

# --- the officials' list and its export --------------------------------------------------------


def _volgende_evaluatie():
    return (
        Evaluatiemoment.objects.filter(traject=OuterRef("pk"), status=MomentStatus.GEPLAND)
        .order_by("gepland_op")
        .values("gepland_op")[:1]
    )


bijdragen.lijst_kolom(
    "volgende_evaluatie",
    voorbereiden=lambda qs: qs.annotate(volgende_evaluatie=Subquery(_volgende_evaluatie())),
    kop=_("Volgende evaluatie"),
    cel="evaluatie/overzicht/_cel_volgende_evaluatie.html",
    export={"volgende_evaluatie": lambda t: t.volgende_evaluatie},
    sorteringen={
        "evaluatie": Sortering(
            _("Volgende evaluatie (eerst)"), (F("volgende_evaluatie").asc(nulls_last=True), "pk")
        )
    },
    termijnen={
        "evaluatie_binnenkort": Termijn(
            _("Evaluatie binnen 14 dagen of te laat"),
            lambda qs, peil: qs.filter(volgende_evaluatie__lte=peil.grens),
        ),
        "evaluatie_verlopen": Termijn(
            _("Evaluatie te laat"),
            lambda qs, peil: qs.filter(volgende_evaluatie__lt=peil.vandaag),
        ),
    },
    volgorde=30,
)

# --- the public register and its open data ----------------------------------------------------


def _register_voorbereiden(qs):
    laatste = Evaluatie.objects.filter(
        moment__traject=OuterRef("pk"), besloten_op__isnull=False
    ).order_by("-besloten_op", "-pk")
    return qs.annotate(
        laatste_conclusie=Subquery(laatste.values("conclusie")[:1]),
        laatste_evaluatie_op=Subquery(laatste.values("besloten_op")[:1]),
        volgende_evaluatie=Subquery(_volgende_evaluatie()),
    )


def _register_waarden(traject) -> dict:
    """The last decision of an evaluation and the next evaluation planned."""
    conclusie = traject.laatste_conclusie or ""
    return {
        "laatste_evaluatie": {
            "besluit": conclusie or None,
            "besluit_label": str(Conclusie(conclusie).label) if conclusie else None,
            "datum": timezone.localtime(traject.laatste_evaluatie_op).date().isoformat()
            if traject.laatste_evaluatie_op
            else None,
        },
        "volgende_evaluatie": traject.volgende_evaluatie.isoformat()
        if traject.volgende_evaluatie
        else None,
    }


bijdragen.register_kolom(
    "evaluatie", voorbereiden=_register_voorbereiden, waarden=_register_waarden, volgorde=40
)

# --- the year report ----------------------------------------------------------------------------


def indicatoren_in_jaar(gemeente, jaar) -> dict:
    """The last measurement in ``jaar`` of every indicator of ``gemeente``'s trajecten, and
    whether it reaches the target."""
    metingen = (
        Meting.objects.filter(indicator__horizon__traject__gemeente=gemeente, gemeten_op__year=jaar)
        .select_related("indicator__horizon__traject")
        .order_by("indicator_id", "gemeten_op", "pk")
    )
    laatste: dict[int, Any] = {}
    for meting in metingen:
        laatste[meting.indicator_id] = meting
    indicatoren = []
    for meting in sorted(
        laatste.values(), key=lambda m: (m.indicator.horizon.traject.titel, m.indicator.naam)
    ):
        ind = meting.indicator
        behaald = None
        if ind.streefwaarde is not None:
            behaald = (
                meting.waarde >= ind.streefwaarde
                if ind.hoger_is_beter
                else meting.waarde <= ind.streefwaarde
            )
        indicatoren.append(
            {
                "traject": ind.horizon.traject.titel,
                "naam": ind.naam,
                "eenheid": ind.eenheid,
                "beginwaarde": ind.nulwaarde,
                "streefwaarde": ind.streefwaarde,
                "waarde": meting.waarde,
                "gemeten_op": meting.gemeten_op,
                "behaald": behaald,
            }
        )
    return {
        "indicatoren": indicatoren,
        "indicatoren_behaald": sum(1 for i in indicatoren if i["behaald"]),
    }


bijdragen.jaarcijfers("indicatoren", cijfers=indicatoren_in_jaar, volgorde=30)

# --- the archive dossier -------------------------------------------------------------------------

for _label, _rijen in (
    ("evaluatie.evaluatiemoment", lambda t: Evaluatiemoment.objects.filter(traject=t)),
    ("evaluatie.herinnering", lambda t: Herinnering.objects.filter(moment__traject=t)),
    ("evaluatie.evaluatie", lambda t: Evaluatie.objects.filter(moment__traject=t)),
    (
        "evaluatie.evaluatiebijdrage",
        lambda t: EvaluatieBijdrage.objects.filter(evaluatie__moment__traject=t),
    ),
    ("evaluatie.meting", lambda t: Meting.objects.filter(bijdrage__evaluatie__moment__traject=t)),
    (
        "evaluatie.besteding",
        lambda t: Besteding.objects.filter(bijdrage__evaluatie__moment__traject=t),
    ),
    ("evaluatie.verankering", lambda t: Verankering.objects.filter(traject=t)),
    ("evaluatie.exitplan", lambda t: Exitplan.objects.filter(traject=t)),
):
    bijdragen.dossier_gegevens(_label, rijen=_rijen, volgorde=40)

# --- the public page of a handed-over task -----------------------------------------------------


def openbare_indicatoren(traject) -> dict | None:
    """Each indicator with its latest measured values against baseline and target: the same
    charts as on the traject page (the measurements' source, not who entered them)."""
    from . import services
    from .grafieken import indicator_grafieken

    grafieken = indicator_grafieken(traject=traject, dag=services.vandaag())
    return {"grafieken": grafieken} if grafieken else None


def openbare_evaluaties(traject) -> dict | None:
    """The evaluation decisions with their motivation, newest first."""
    evaluaties = list(
        Evaluatie.objects.filter(moment__traject=traject, besloten_op__isnull=False)
        .exclude(conclusie="")
        .select_related("moment")
        .only("conclusie", "toelichting", "besloten_op", "moment__gepland_op")
        .order_by("-besloten_op", "-pk")[:50]
    )
    verankering = Verankering.objects.filter(traject=traject).first()
    if not evaluaties and verankering is None:
        return None
    return {"evaluaties": evaluaties, "verankering": verankering}


bijdragen.openbare_sectie(
    "indicatoren",
    template="evaluatie/overzicht/_openbaar_indicatoren.html",
    gegevens=openbare_indicatoren,
    volgorde=20,
)
bijdragen.openbare_sectie(
    "evaluaties",
    template="evaluatie/overzicht/_openbaar_evaluaties.html",
    gegevens=openbare_evaluaties,
    volgorde=50,
)
