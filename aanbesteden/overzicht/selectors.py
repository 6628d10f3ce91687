"""Reads across the phases: the officials' dashboard, my page, the public register, the year
report and a person's own data. Every function runs a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Count,
    DecimalField,
    Exists,
    F,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_fsm_log.models import StateLog

from aanbesteden.constants import PartijSoort, TrajectStatus
from aanbesteden.models import Gemeente, Notificatie, NotificatieSoort, Traject, User

from .constants import OVERGEDRAGEN, Bezorging

#: How many days ahead a term or evaluation counts as "near".
VOORUIT_DAGEN = 14
#: How many rows each to-do list shows at most (the total is shown as a number).
TAKEN_MAX = 50


def vandaag() -> date:
    return timezone.localdate()


# --- the officials' dashboard ---------------------------------------------------------------


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


@dataclass
class Takenlijst:
    """What needs an official now, per kind: a few rows and the total count."""

    voorstellen: list[Any] = field(default_factory=list)
    voorstellen_aantal: int = 0
    horizon: list[Any] = field(default_factory=list)
    horizon_aantal: int = 0
    routes: list[Any] = field(default_factory=list)
    routes_aantal: int = 0
    handtekeningen: list[Any] = field(default_factory=list)
    handtekeningen_aantal: int = 0
    evaluaties: list[Any] = field(default_factory=list)
    evaluaties_aantal: int = 0
    concepten: list[Any] = field(default_factory=list)
    concepten_aantal: int = 0

    @property
    def totaal(self) -> int:
        return (
            self.voorstellen_aantal
            + self.horizon_aantal
            + self.routes_aantal
            + self.handtekeningen_aantal
            + self.evaluaties_aantal
            + self.concepten_aantal
        )


def _lijst(qs: QuerySet) -> tuple[list[Any], int]:
    return list(qs[:TAKEN_MAX]), qs.count()


def voorstellen_termijn(*, gemeente: Gemeente) -> QuerySet:
    """Submitted proposals whose decision term ends within ``VOORUIT_DAGEN`` days, or has passed."""
    from initiatieven.models import Voorstel

    grens = vandaag() + timedelta(days=VOORUIT_DAGEN)
    return (
        Voorstel.objects.filter(
            traject__gemeente=gemeente,
            traject__status=TrajectStatus.INGEDIEND,
            beslissen_voor__lte=grens,
        )
        .select_related("traject")
        .order_by("beslissen_voor", "pk")
    )


def horizon_wacht_op_gemeente(*, gemeente: Gemeente) -> QuerySet:
    from initiatieven.models import Horizon

    return (
        Horizon.objects.filter(
            traject__gemeente=gemeente,
            traject__status=TrajectStatus.HORIZON,
            akkoord_gemeente_op__isnull=True,
        )
        .select_related("traject")
        .order_by("traject__status_sinds", "pk")
    )


def route_wacht_op_gemeente(*, gemeente: Gemeente) -> QuerySet:
    from coalities.models import Route, RouteAkkoord

    akkoord = RouteAkkoord.objects.filter(
        route=OuterRef("pk"), versie=OuterRef("versie"), partij_soort=PartijSoort.GEMEENTE
    )
    return (
        Route.objects.filter(traject__gemeente=gemeente, traject__status=TrajectStatus.ROUTE)
        .exclude(Exists(akkoord))
        .select_related("traject")
        .order_by("traject__status_sinds", "pk")
    )


def handtekeningen_gemeente(*, gemeente: Gemeente) -> QuerySet:
    """Signatures for the gemeente still open on a current (not superseded) version."""
    from overdracht.constants import VersieStatus
    from overdracht.models import Ondertekening

    return (
        Ondertekening.objects.filter(
            versie__traject__gemeente=gemeente,
            partij_soort=PartijSoort.GEMEENTE,
            getekend_op__isnull=True,
            geweigerd_op__isnull=True,
        )
        .exclude(versie__status=VersieStatus.VERVANGEN)
        .select_related("versie__traject")
        .order_by("versie__created_at", "pk")
    )


def evaluaties_termijn(*, gemeente: Gemeente) -> QuerySet:
    from evaluatie.constants import MomentStatus
    from evaluatie.models import Evaluatiemoment

    grens = vandaag() + timedelta(days=VOORUIT_DAGEN)
    return (
        Evaluatiemoment.objects.filter(
            traject__gemeente=gemeente,
            traject__status=TrajectStatus.EVALUATIE,
            status=MomentStatus.GEPLAND,
            gepland_op__lte=grens,
        )
        .select_related("traject")
        .order_by("gepland_op", "pk")
    )


def stille_concepten(*, gemeente: Gemeente) -> QuerySet[Traject]:
    grens = timezone.now() - timedelta(days=settings.CONCEPT_STIL_DAGEN)
    return Traject.objects.filter(
        gemeente=gemeente, status=TrajectStatus.CONCEPT, updated_at__lt=grens
    ).order_by("updated_at", "pk")


def takenlijst(*, gemeente: Gemeente) -> Takenlijst:
    t = Takenlijst()
    t.voorstellen, t.voorstellen_aantal = _lijst(voorstellen_termijn(gemeente=gemeente))
    t.horizon, t.horizon_aantal = _lijst(horizon_wacht_op_gemeente(gemeente=gemeente))
    t.routes, t.routes_aantal = _lijst(route_wacht_op_gemeente(gemeente=gemeente))
    t.handtekeningen, t.handtekeningen_aantal = _lijst(handtekeningen_gemeente(gemeente=gemeente))
    t.evaluaties, t.evaluaties_aantal = _lijst(evaluaties_termijn(gemeente=gemeente))
    t.concepten, t.concepten_aantal = _lijst(stille_concepten(gemeente=gemeente))
    return t


SORTERINGEN = {
    "titel": ("titel", "pk"),
    "-titel": ("-titel", "-pk"),
    "status": ("status", "titel", "pk"),
    "gewijzigd": ("updated_at", "pk"),
    "-gewijzigd": ("-updated_at", "-pk"),
    "beslistermijn": (F("beslissen_voor").asc(nulls_last=True), "pk"),
    "evaluatie": (F("volgende_evaluatie").asc(nulls_last=True), "pk"),
}


def trajecten_lijst(
    *,
    gemeente: Gemeente,
    zoek: str = "",
    status: str = "",
    thema: str = "",
    wijk: str = "",
    opgave: Any = None,
    termijn: str = "",
    sortering: str = "-gewijzigd",
) -> QuerySet[Traject]:
    """The official's filtered and sorted list, with the facts the table and export show."""
    from evaluatie.constants import MomentStatus
    from evaluatie.models import Evaluatiemoment

    volgende = (
        Evaluatiemoment.objects.filter(traject=OuterRef("pk"), status=MomentStatus.GEPLAND)
        .order_by("gepland_op")
        .values("gepland_op")[:1]
    )
    qs = (
        Traject.objects.filter(gemeente=gemeente)
        .select_related("voorstel__initiatief", "voorstel__opgave")
        .annotate(
            beslissen_voor=F("voorstel__beslissen_voor"),
            volgende_evaluatie=Subquery(volgende),
        )
    )
    if zoek:
        qs = qs.filter(titel__icontains=zoek)
    if status:
        qs = qs.filter(status=status)
    if thema:
        qs = qs.filter(thema=thema)
    if wijk:
        qs = qs.filter(wijk=wijk)
    if opgave is not None:
        qs = qs.filter(voorstel__opgave=opgave)
    grens = vandaag() + timedelta(days=VOORUIT_DAGEN)
    if termijn == "beslissen_binnenkort":
        qs = qs.filter(status=TrajectStatus.INGEDIEND, beslissen_voor__lte=grens)
    elif termijn == "beslissen_verlopen":
        qs = qs.filter(status=TrajectStatus.INGEDIEND, beslissen_voor__lt=vandaag())
    elif termijn == "evaluatie_binnenkort":
        qs = qs.filter(volgende_evaluatie__lte=grens)
    elif termijn == "evaluatie_verlopen":
        qs = qs.filter(volgende_evaluatie__lt=vandaag())
    return qs.order_by(*SORTERINGEN.get(sortering, SORTERINGEN["-gewijzigd"]))


def filter_keuzes(*, gemeente: Gemeente) -> dict[str, list[str]]:
    """The themes and wijken that occur in ``gemeente``'s trajecten, for the filter form."""
    rijen = list(
        Traject.objects.filter(gemeente=gemeente).order_by().values_list("thema", "wijk").distinct()
    )
    return {
        "thema": sorted({t for t, _w in rijen if t}),
        "wijk": sorted({w for _t, w in rijen if w}),
    }


# --- my page ----------------------------------------------------------------------------------


def mijn_gegevens(*, user: User) -> dict[str, Any]:
    """What is asked of an initiative member or partner now, and their open invitations."""
    from aanbesteden.selectors import trajecten_van_gebruiker
    from coalities.constants import PartnerStatus, UitnodigingStatus
    from coalities.models import RouteAkkoord, Uitnodiging
    from evaluatie.constants import MomentStatus
    from evaluatie.models import Evaluatiemoment
    from initiatieven.models import Horizon
    from overdracht.constants import VersieStatus
    from overdracht.models import Ondertekening

    als_initiatief = trajecten_van_gebruiker(user=user).filter(
        pk__in=_traject_ids_met_perm(user, "initiatiefnemer_traject")
    )
    horizon = list(
        Horizon.objects.filter(
            traject__in=als_initiatief,
            traject__status=TrajectStatus.HORIZON,
            akkoord_initiatief_op__isnull=True,
        ).select_related("traject")[:TAKEN_MAX]
    )
    akkoord_ini = RouteAkkoord.objects.filter(
        route=OuterRef("pk"), versie=OuterRef("versie"), partij_soort=PartijSoort.INITIATIEF
    )
    akkoord_partner = RouteAkkoord.objects.filter(
        route=OuterRef("pk"),
        versie=OuterRef("versie"),
        partij_soort=PartijSoort.PARTNER,
        partner__gebruiker=user,
    )
    from coalities.models import Route

    routes = list(
        Route.objects.filter(traject__status=TrajectStatus.ROUTE)
        .filter(
            (Q(traject__in=als_initiatief) & ~Exists(akkoord_ini))
            | (
                Q(
                    traject__partners__gebruiker=user,
                    traject__partners__status=PartnerStatus.BEVESTIGD,
                )
                & ~Exists(akkoord_partner)
            )
        )
        .select_related("traject")
        .distinct()[:TAKEN_MAX]
    )
    tekenen = list(
        Ondertekening.objects.filter(
            ondertekenaar=user, getekend_op__isnull=True, geweigerd_op__isnull=True
        )
        .exclude(versie__status=VersieStatus.VERVANGEN)
        .select_related("versie__traject")[:TAKEN_MAX]
    )
    grens = vandaag() + timedelta(days=VOORUIT_DAGEN)
    evaluaties = list(
        Evaluatiemoment.objects.filter(
            traject__in=trajecten_van_gebruiker(user=user),
            traject__status=TrajectStatus.EVALUATIE,
            status=MomentStatus.GEPLAND,
            gepland_op__lte=grens,
        )
        .select_related("traject")
        .order_by("gepland_op", "pk")[:TAKEN_MAX]
    )
    uitnodigingen = list(
        Uitnodiging.objects.filter(
            email__iexact=user.email,
            status=UitnodigingStatus.OPEN,
            verloopt_op__gt=timezone.now(),
        )
        .select_related("traject__gemeente")
        .order_by("verloopt_op", "pk")[:TAKEN_MAX]
    )
    return {
        "horizon": horizon,
        "routes": routes,
        "tekenen": tekenen,
        "evaluaties": evaluaties,
        "uitnodigingen": uitnodigingen,
        "aantal": len(horizon) + len(routes) + len(tekenen) + len(evaluaties),
    }


def _traject_ids_met_perm(user: User, codename: str) -> list[int]:
    """Ids of the trajecten where ``user`` itself holds ``codename`` (guardian keeps the object
    id as text, so the ids are read once rather than joined)."""
    from guardian.models import UserObjectPermission

    ct = ContentType.objects.get_for_model(Traject)
    return [
        int(pk)
        for pk in UserObjectPermission.objects.filter(
            user=user, content_type=ct, permission__codename=codename
        ).values_list("object_pk", flat=True)
    ]


# --- notifications ----------------------------------------------------------------------------


def voorkeuren_van(*, user: User) -> dict[str, str]:
    """Every notification kind with the user's choice (at once when not chosen)."""
    gekozen = dict(user.notificatievoorkeuren.values_list("soort", "bezorging"))
    return {
        soort: gekozen.get(soort, Bezorging.DIRECT)
        for soort in NotificatieSoort.values
        if soort != NotificatieSoort.INLOGLINK
    }


def bezorging_voor(*, user: User, soort: str) -> str:
    if soort == NotificatieSoort.INLOGLINK:
        return Bezorging.DIRECT
    from aanbesteden.models import NotificatieVoorkeur

    keuze = (
        NotificatieVoorkeur.objects.filter(gebruiker=user, soort=soort)
        .values_list("bezorging", flat=True)
        .first()
    )
    return keuze or Bezorging.DIRECT


def meteen_mailen(*, notificatie: Notificatie, met_bijlagen: bool = False) -> bool:
    """Whether a notification is mailed at once: by the recipient's choice for its kind.
    Attachments cannot wait for a digest, so those go at once unless the choice is no mail."""
    ontvanger = notificatie.ontvanger
    if not ontvanger.is_active:
        return False
    bezorging = bezorging_voor(user=ontvanger, soort=notificatie.soort)
    if bezorging == Bezorging.DAGOVERZICHT:
        return met_bijlagen
    return bezorging == Bezorging.DIRECT


def dagoverzicht_meldingen(*, user: User) -> QuerySet[Notificatie]:
    """The notifications of ``user`` waiting for the daily digest: not mailed, not read, of a
    kind the user wants once a day."""
    soorten = user.notificatievoorkeuren.filter(bezorging=Bezorging.DAGOVERZICHT).values("soort")
    return Notificatie.objects.filter(
        ontvanger=user, gemaild_op__isnull=True, gelezen_op__isnull=True, soort__in=soorten
    ).order_by("created_at", "pk")


# --- the public register ----------------------------------------------------------------------


def open_opgaven(*, gemeente: Gemeente) -> QuerySet:
    from initiatieven.constants import OpgaveStatus
    from initiatieven.models import Opgave

    return Opgave.objects.filter(
        gemeente=gemeente, status=OpgaveStatus.GEPUBLICEERD, deadline__gt=timezone.now()
    ).order_by("deadline", "pk")


def register_trajecten(*, gemeente: Gemeente) -> QuerySet[Traject]:
    """Every task handed over (from overdracht on), with what the register may show."""
    from coalities.constants import PartnerStatus
    from coalities.models import Partner, Tranche
    from evaluatie.models import Evaluatie, Evaluatiemoment
    from initiatieven.models import Indicator
    from overdracht.constants import VersieStatus
    from overdracht.models import OvereenkomstVersie

    budget = (
        Tranche.objects.filter(traject=OuterRef("pk"))
        .order_by()
        .values("traject")
        .annotate(s=Sum("bedrag"))
        .values("s")
    )
    sinds = (
        OvereenkomstVersie.objects.filter(traject=OuterRef("pk"))
        .exclude(status=VersieStatus.VERVANGEN)
        .order_by("-nummer")
        .values("startdatum")[:1]
    )
    laatste = Evaluatie.objects.filter(
        moment__traject=OuterRef("pk"), besloten_op__isnull=False
    ).order_by("-besloten_op", "-pk")
    volgende = (
        Evaluatiemoment.objects.filter(traject=OuterRef("pk"), status="gepland")
        .order_by("gepland_op")
        .values("gepland_op")[:1]
    )
    return (
        Traject.objects.filter(gemeente=gemeente, status__in=OVERGEDRAGEN)
        .select_related("voorstel__initiatief", "voorstel__opgave")
        .annotate(
            budget_gemeente=Coalesce(
                Subquery(budget, output_field=DecimalField(max_digits=14, decimal_places=2)),
                Value(Decimal("0")),
                output_field=DecimalField(max_digits=14, decimal_places=2),
            ),
            sinds=Subquery(sinds),
            laatste_conclusie=Subquery(laatste.values("conclusie")[:1]),
            laatste_evaluatie_op=Subquery(laatste.values("besloten_op")[:1]),
            volgende_evaluatie=Subquery(volgende),
        )
        .prefetch_related(
            Prefetch(
                "partners",
                queryset=Partner.objects.filter(
                    publiceren=True, status=PartnerStatus.BEVESTIGD
                ).order_by("organisatie", "pk"),
                to_attr="openbare_partners",
            ),
            Prefetch(
                "horizon__indicatoren",
                queryset=Indicator.objects.order_by("volgorde", "pk"),
                to_attr="register_indicatoren",
            ),
        )
        .select_related("horizon")
        .order_by("titel", "pk")
    )


def register_rij(traject: Any) -> dict[str, Any]:
    """One handed-over task as open data: only what may be public (no person's data)."""
    from evaluatie.constants import Conclusie

    voorstel = getattr(traject, "voorstel", None)
    initiatief = voorstel.initiatief if voorstel is not None else None
    opgave = voorstel.opgave if voorstel is not None else None
    horizon = getattr(traject, "horizon", None)
    indicatoren = getattr(horizon, "register_indicatoren", []) if horizon is not None else []
    conclusie = traject.laatste_conclusie or ""
    return {
        "id": traject.pk,
        "taak": traject.titel,
        "opgave": opgave.titel if opgave is not None else None,
        "thema": traject.thema,
        "wijk": traject.wijk,
        "status": traject.status,
        "status_label": str(TrajectStatus(traject.status).label),
        "initiatief": initiatief.naam if initiatief is not None and initiatief.publiceren else None,
        "partners": [p.organisatie for p in traject.openbare_partners],
        "sinds": traject.sinds.isoformat() if traject.sinds else None,
        "budget_gemeente": f"{Decimal(traject.budget_gemeente or 0):.2f}",
        "indicatoren": [
            {
                "naam": i.naam,
                "eenheid": i.eenheid,
                "beginwaarde": str(i.nulwaarde),
                "streefwaarde": str(i.streefwaarde) if i.streefwaarde is not None else None,
            }
            for i in indicatoren
        ],
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


def opgave_rij(opgave: Any) -> dict[str, Any]:
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


# --- the year report --------------------------------------------------------------------------


def _overgangen(*, gemeente: Gemeente, jaar: int) -> dict[str, int]:
    ct = ContentType.objects.get_for_model(Traject)
    ids = Traject.objects.filter(gemeente=gemeente).values("pk")
    return dict(
        StateLog.objects.filter(content_type=ct, object_id__in=ids, timestamp__year=jaar)
        .order_by()
        .values_list("transition")
        .annotate(n=Count("pk"))
    )


def jaarcijfers(*, gemeente: Gemeente, jaar: int) -> dict[str, Any]:
    """The figures a council asks for, for ``gemeente`` in ``jaar``."""
    from coalities.models import Tranche
    from evaluatie.models import Meting
    from initiatieven.constants import Besluit
    from initiatieven.models import Voorstel

    voorstellen = Voorstel.objects.filter(traject__gemeente=gemeente).aggregate(
        ontvangen=Count("pk", filter=Q(ingediend_op__year=jaar)),
        toegelaten=Count("pk", filter=Q(besluit=Besluit.TOEGELATEN, besluit_op__year=jaar)),
        afgewezen=Count("pk", filter=Q(besluit=Besluit.AFGEWEZEN, besluit_op__year=jaar)),
    )
    overgangen = _overgangen(gemeente=gemeente, jaar=jaar)
    geld = Tranche.objects.filter(
        traject__gemeente=gemeente, traject__status__in=OVERGEDRAGEN, datum__year=jaar
    ).aggregate(totaal=Sum("bedrag"), trajecten=Count("traject", distinct=True))
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
        "gemeente": gemeente,
        "jaar": jaar,
        "ontvangen": voorstellen["ontvangen"],
        "toegelaten": voorstellen["toegelaten"],
        "afgewezen": voorstellen["afgewezen"],
        "overgedragen": overgangen.get("naar_evaluatie", 0),
        "verankerd": overgangen.get("verankeren", 0),
        "beeindigd": overgangen.get("beeindigen", 0),
        "geld": geld["totaal"] or Decimal("0"),
        "geld_trajecten": geld["trajecten"],
        "indicatoren": indicatoren,
        "indicatoren_behaald": sum(1 for i in indicatoren if i["behaald"]),
        "lopend": Traject.objects.filter(
            gemeente=gemeente, status__in=("overdracht", "evaluatie")
        ).count(),
        "eerste_jaar": Traject.objects.filter(gemeente=gemeente).aggregate(j=Min("created_at"))[
            "j"
        ],
    }
