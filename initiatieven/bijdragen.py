"""What this phase contributes to the overviews (``aanbesteden.bijdragen``): proposals whose
decision term runs out and goals waiting for the gemeente (dashboard), goals waiting for the
initiative (my page), the initiative, the decision term and the call of a traject (the
officials' list and its export), the open calls, the initiative and the indicators (public
register), the proposals of the year (report) and the proposal's records, decision letter
and attachments (archive dossier)."""

from __future__ import annotations

from django import forms
from django.db.models import BooleanField, Case, Count, F, Prefetch, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbesteden.bijdragen import Sortering, Termijn, bijdragen
from aanbesteden.constants import TrajectStatus
from aanbesteden.zoeken import zoek_filter
from meldingen.berichten import absolute_url

from . import selectors
from .constants import Besluit, OpgaveStatus
from .models import (
    Beoordeling,
    Besluitbrief,
    Bijlage,
    Contactpersoon,
    Criteriumscore,
    Horizon,
    HorizonVersie,
    Indicator,
    Initiatief,
    Opgave,
    Steunbetuiging,
    Voorstel,
)

# --- the officials' dashboard and my page -----------------------------------------------------


def voorstellen_termijn(gemeente, peil):
    """Every submitted proposal waiting for a decision, the soonest term first: new ones too,
    not only those whose term ends within a fortnight (``bijna``) or has passed."""
    return (
        Voorstel.objects.filter(
            traject__gemeente=gemeente,
            traject__status=TrajectStatus.INGEDIEND,
        )
        .annotate(
            bijna=Case(
                When(beslissen_voor__lte=peil.grens, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .select_related("traject")
        .order_by(F("beslissen_voor").asc(nulls_last=True), "pk")
    )


def horizon_wacht_op_gemeente(gemeente, peil):
    return (
        Horizon.objects.filter(
            traject__gemeente=gemeente,
            traject__status=TrajectStatus.HORIZON,
            akkoord_gemeente_op__isnull=True,
        )
        .select_related("traject")
        .order_by("traject__status_sinds", "pk")
    )


def horizon_wacht_op_initiatief(deelnemer):
    return Horizon.objects.filter(
        traject__in=deelnemer.als_initiatief,
        traject__status=TrajectStatus.HORIZON,
        akkoord_initiatief_op__isnull=True,
    ).select_related("traject")


bijdragen.dashboard_taak(
    "voorstellen",
    titel=_("Ingediende voorstellen: beoordelen en besluiten"),
    template="initiatieven/overzicht/_taak_voorstel.html",
    rijen=voorstellen_termijn,
    volgorde=10,
)
bijdragen.dashboard_taak(
    "horizon",
    titel=_("Stip aan de horizon wacht op akkoord van de gemeente"),
    template="initiatieven/overzicht/_taak_horizon.html",
    rijen=horizon_wacht_op_gemeente,
    volgorde=20,
)
bijdragen.mijn_taak(
    "horizon",
    titel=_("Akkoord geven op de stip aan de horizon"),
    template="initiatieven/overzicht/_taak_horizon.html",
    rijen=horizon_wacht_op_initiatief,
    volgorde=10,
)

# --- the officials' list and its export --------------------------------------------------------


def _voorstel(traject):
    return getattr(traject, "voorstel", None)


bijdragen.lijst_kolom(
    "initiatief",
    voorbereiden=lambda qs: qs.select_related("voorstel__initiatief", "voorstel__opgave"),
    kop=_("Initiatief"),
    cel="initiatieven/overzicht/_cel_initiatief.html",
    export={
        "opgave": lambda t: (
            _voorstel(t).opgave.titel if _voorstel(t) and _voorstel(t).opgave else ""
        ),
        "initiatief": lambda t: _voorstel(t).initiatief.naam if _voorstel(t) else "",
    },
    volgorde=10,
)
bijdragen.lijst_kolom(
    "beslissen_voor",
    voorbereiden=lambda qs: qs.annotate(beslissen_voor=F("voorstel__beslissen_voor")),
    kop=_("Beslissen voor"),
    cel="initiatieven/overzicht/_cel_beslissen_voor.html",
    export={"beslissen_voor": lambda t: t.beslissen_voor},
    sorteringen={
        "beslistermijn": Sortering(
            _("Beslistermijn (eerst afloopt eerst)"),
            (F("beslissen_voor").asc(nulls_last=True), "pk"),
        )
    },
    termijnen={
        "beslissen_binnenkort": Termijn(
            _("Beslistermijn binnen 14 dagen of verlopen"),
            lambda qs, peil: qs.filter(
                status=TrajectStatus.INGEDIEND, beslissen_voor__lte=peil.grens
            ),
        ),
        "beslissen_verlopen": Termijn(
            _("Beslistermijn verlopen"),
            lambda qs, peil: qs.filter(
                status=TrajectStatus.INGEDIEND, beslissen_voor__lt=peil.vandaag
            ),
        ),
    },
    volgorde=20,
)
bijdragen.lijst_filter(
    "opgave",
    veld=lambda gemeente: forms.ModelChoiceField(
        label=_("Opgave"),
        required=False,
        queryset=Opgave.objects.filter(gemeente=gemeente).order_by("titel", "pk"),
        empty_label=_("Alle"),
    ),
    toepassen=lambda qs, opgave: qs.filter(voorstel__opgave=opgave),
    volgorde=10,
)

# --- the public register and its open data ----------------------------------------------------


def open_opgaven(gemeente):
    return (
        Opgave.objects.filter(
            gemeente=gemeente, status=OpgaveStatus.GEPUBLICEERD, deadline__gt=timezone.now()
        )
        .select_related("gemeente")  # the link to each call's page
        .order_by("deadline", "pk")
    )


def opgave_rij(opgave) -> dict:
    return {
        "id": opgave.pk,
        "titel": opgave.titel,
        "omschrijving": opgave.omschrijving,
        "thema": opgave.thema,
        "wijk": opgave.wijk,
        "huidige_kosten": str(opgave.huidige_kosten),
        "deadline": opgave.deadline.isoformat(),
        "gepubliceerd_op": opgave.gepubliceerd_op.isoformat() if opgave.gepubliceerd_op else None,
    }


def _register_voorbereiden(qs):
    return qs.select_related(
        "voorstel__initiatief", "voorstel__opgave", "horizon"
    ).prefetch_related(
        Prefetch(
            "horizon__indicatoren",
            queryset=Indicator.objects.order_by("volgorde", "pk"),
            to_attr="register_indicatoren",
        )
    )


def _register_waarden(traject) -> dict:
    """The call, the initiative (only with its consent) and the indicators of a task."""
    voorstel = getattr(traject, "voorstel", None)
    initiatief = voorstel.initiatief if voorstel is not None else None
    opgave = voorstel.opgave if voorstel is not None else None
    horizon = getattr(traject, "horizon", None)
    indicatoren = getattr(horizon, "register_indicatoren", []) if horizon is not None else []
    return {
        "opgave": opgave.titel if opgave is not None else None,
        "initiatief": initiatief.naam if initiatief is not None and initiatief.publiceren else None,
        "indicatoren": [
            {
                "naam": i.naam,
                "eenheid": i.eenheid,
                "beginwaarde": str(i.nulwaarde),
                "streefwaarde": str(i.streefwaarde) if i.streefwaarde is not None else None,
            }
            for i in indicatoren
        ],
    }


bijdragen.register_lijst(
    "open_opgaven",
    rijen=open_opgaven,
    rij=opgave_rij,
    template="initiatieven/overzicht/_register_opgaven.html",
    volgorde=10,
)


def openbare_voorstellen_register(gemeente):
    return selectors.openbare_voorstellen(gemeente=gemeente).annotate(
        aantal_steun=Count(
            "steunbetuigingen", filter=Q(steunbetuigingen__bevestigd_op__isnull=False)
        )
        + F("handtekeningen")
    )


def openbaar_voorstel_rij(voorstel) -> dict:
    """A published proposal as open data: never a contact person, the initiative's name only
    with its consent."""
    initiatief = voorstel.initiatief
    return {
        "id": voorstel.pk,
        "titel": voorstel.traject.titel,
        "samenvatting": voorstel.traject.samenvatting,
        "soort": voorstel.soort,
        "opgave": voorstel.opgave.titel if voorstel.opgave is not None else None,
        "initiatief": initiatief.naam if initiatief.publiceren else None,
        "status": voorstel.traject.status,
        "ingediend_op": voorstel.ingediend_op.isoformat() if voorstel.ingediend_op else None,
        "steun": voorstel.aantal_steun,
        "besluit": voorstel.besluit or None,
        "url": absolute_url(voorstel.openbare_url()),
    }


bijdragen.register_lijst(
    "openbare_voorstellen",
    rijen=openbare_voorstellen_register,
    rij=openbaar_voorstel_rij,
    template="initiatieven/_openbare_voorstellen.html",
    volgorde=20,
)
bijdragen.register_kolom(
    "initiatief", voorbereiden=_register_voorbereiden, waarden=_register_waarden, volgorde=10
)

# --- the year report ----------------------------------------------------------------------------


def voorstellen_in_jaar(gemeente, jaar) -> dict:
    return Voorstel.objects.filter(traject__gemeente=gemeente).aggregate(
        ontvangen=Count("pk", filter=Q(ingediend_op__year=jaar)),
        toegelaten=Count("pk", filter=Q(besluit=Besluit.TOEGELATEN, besluit_op__year=jaar)),
        afgewezen=Count("pk", filter=Q(besluit=Besluit.AFGEWEZEN, besluit_op__year=jaar)),
    )


bijdragen.jaarcijfers("voorstellen", cijfers=voorstellen_in_jaar, volgorde=10)

# --- the archive dossier -------------------------------------------------------------------------

for _label, _rijen in (
    ("initiatieven.voorstel", lambda t: Voorstel.objects.filter(traject=t)),
    ("initiatieven.initiatief", lambda t: Initiatief.objects.filter(voorstellen__traject=t)),
    (
        "initiatieven.contactpersoon",
        lambda t: Contactpersoon.objects.filter(initiatief__voorstellen__traject=t),
    ),
    ("initiatieven.opgave", lambda t: Opgave.objects.filter(voorstellen__traject=t)),
    ("initiatieven.bijlage", lambda t: Bijlage.objects.filter(voorstel__traject=t)),
    ("initiatieven.beoordeling", lambda t: Beoordeling.objects.filter(voorstel__traject=t)),
    (
        "initiatieven.criteriumscore",
        lambda t: Criteriumscore.objects.filter(beoordeling__voorstel__traject=t),
    ),
    ("initiatieven.besluitbrief", lambda t: Besluitbrief.objects.filter(voorstel__traject=t)),
    ("initiatieven.horizon", lambda t: Horizon.objects.filter(traject=t)),
    ("initiatieven.horizonversie", lambda t: HorizonVersie.objects.filter(horizon__traject=t)),
    ("initiatieven.indicator", lambda t: Indicator.objects.filter(horizon__traject=t)),
):
    bijdragen.dossier_gegevens(_label, rijen=_rijen, volgorde=10)

bijdragen.dossier_gegevens(
    "initiatieven.steunbetuiging",
    rijen=lambda t: {
        "aantal_bevestigd": Steunbetuiging.objects.filter(
            voorstel__traject=t, bevestigd_op__isnull=False
        ).count()
    },
    volgorde=90,
)


def besluitbrief_bestanden(traject) -> list:
    return [
        ("besluitbrief/besluitbrief.pdf", brief.bestand)
        for brief in Besluitbrief.objects.filter(voorstel__traject=traject).exclude(bestand="")
    ]


def bijlage_bestanden(traject) -> list:
    bestanden = []
    for bijlage in Bijlage.objects.filter(voorstel__traject=traject).order_by("pk"):
        naam = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in bijlage.naam)[:120]
        bestanden.append((f"bijlagen/{bijlage.pk}-{naam or 'bijlage'}", bijlage.bestand))
    return bestanden


bijdragen.dossier_bestanden("besluitbrief", bestanden=besluitbrief_bestanden, volgorde=10)
bijdragen.dossier_bestanden("bijlagen", bestanden=bijlage_bestanden, volgorde=30)

# --- the public page of a handed-over task -----------------------------------------------------


def openbare_horizon(traject) -> dict | None:
    """The shared goal: ambition and intended results (the indicators come with their
    measurements from phase 5)."""
    horizon = Horizon.objects.filter(traject=traject).only("ambitie", "beoogde_resultaten").first()
    if horizon is None or not (horizon.ambitie or horizon.beoogde_resultaten):
        return None
    return {"ambitie": horizon.ambitie, "beoogde_resultaten": horizon.beoogde_resultaten}


bijdragen.openbare_sectie(
    "horizon",
    template="initiatieven/overzicht/_openbaar_horizon.html",
    gegevens=openbare_horizon,
    volgorde=10,
)

# --- search ---------------------------------------------------------------------------------------


def _kort(tekst: str, lengte: int = 200) -> str:
    tekst = " ".join((tekst or "").split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def opgaven_zoeken(gemeente, tekst):
    qs = Opgave.objects.exclude(status=OpgaveStatus.CONCEPT).select_related("gemeente")
    if gemeente is not None:
        qs = qs.filter(gemeente=gemeente)
    return zoek_filter(qs, velden=("titel", "omschrijving", "thema", "wijk"), tekst=tekst)


def opgave_zoekrij(opgave) -> dict:
    return {
        "titel": opgave.titel,
        "url": opgave.get_absolute_url(),
        "tekst": _kort(opgave.omschrijving),
        "bij": opgave.gemeente.naam,
    }


def openbare_voorstellen_zoeken(gemeente, tekst):
    return zoek_filter(
        selectors.openbare_voorstellen(gemeente=gemeente),
        velden=("traject__titel", "traject__samenvatting", "omschrijving"),
        tekst=tekst,
    )


def openbaar_voorstel_zoekrij(voorstel) -> dict:
    return {
        "titel": voorstel.traject.titel,
        "url": voorstel.openbare_url(),
        "tekst": _kort(voorstel.traject.samenvatting or voorstel.omschrijving),
        "bij": voorstel.traject.gemeente.naam,
    }


def voorstellen_zoeken(gemeente, tekst):
    qs = (
        Voorstel.objects.filter(traject__gemeente=gemeente)
        .exclude(traject__status=TrajectStatus.CONCEPT)
        .select_related("traject", "initiatief")
    )
    return zoek_filter(
        qs,
        velden=("traject__titel", "omschrijving", "taak", "initiatief__naam"),
        tekst=tekst,
    )


def voorstel_zoekrij(voorstel) -> dict:
    return {
        "titel": voorstel.traject.titel,
        "url": reverse("initiatieven:voorstel", kwargs={"pk": voorstel.traject_id}),
        "tekst": _kort(voorstel.omschrijving),
        "bij": voorstel.initiatief.naam,
    }


bijdragen.zoekbron(
    "opgaven",
    titel=_("Opgaven"),
    zoeken=opgaven_zoeken,
    rij=opgave_zoekrij,
    publiek=True,
    volgorde=10,
)
bijdragen.zoekbron(
    "openbare_voorstellen",
    titel=_("Openbare voorstellen"),
    zoeken=openbare_voorstellen_zoeken,
    rij=openbaar_voorstel_zoekrij,
    publiek=True,
    volgorde=20,
)
bijdragen.zoekbron(
    "voorstellen",
    titel=_("Ingediende voorstellen"),
    zoeken=voorstellen_zoeken,
    rij=voorstel_zoekrij,
    publiek=False,
    volgorde=20,
)
