"""Reads of phase 5: the schedule, what is due for a reminder, who takes part, the parts."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext
from guardian.shortcuts import get_users_with_perms

from aanbesteden.constants import Rol, TrajectStatus
from aanbesteden.models import Lidmaatschap, Traject, User
from aanbesteden.permissions import ROL_PERMISSIE, trajecten_met_rol
from coalities.models import Partner, Tranche
from initiatieven.models import Indicator
from overdracht.models import OvereenkomstVersie

from .constants import (
    ESCALATIE_INHAALDAGEN,
    HERINNERING_DAGEN_VOORAF,
    HerinneringSoort,
    MomentStatus,
)
from .models import (
    Evaluatie,
    EvaluatieBijdrage,
    Evaluatiemoment,
    Exitplan,
    Herinnering,
    Verankering,
)

PARTNER_BEVESTIGD = "bevestigd"
VERSIE_VERZEGELD = "verzegeld"


def escalatie_dagen() -> int:
    return int(getattr(settings, "HERINNERING_ESCALATIE_DAGEN", 7))


def verzegelde_versie(*, traject: Traject) -> OvereenkomstVersie | None:
    return (
        OvereenkomstVersie.objects.filter(traject=traject, status=VERSIE_VERZEGELD)
        .order_by("-nummer")
        .first()
    )


# --- reminders ----------------------------------------------------------------------------------


def herinnering_soort(*, gepland_op: datetime.date, dag: datetime.date) -> str | None:
    """Which reminder a planned moment on ``gepland_op`` is due for on ``dag`` (or none).

    14 days ahead (also when a moment is planned later than that, up to 2 days ahead), 1 day
    ahead, on the day, and the escalation from ``HERINNERING_ESCALATIE_DAGEN`` days overdue
    (with a catch-up window for a scan that did not run for a while)."""
    dagen = (gepland_op - dag).days
    if 2 <= dagen <= HERINNERING_DAGEN_VOORAF[HerinneringSoort.VEERTIEN_DAGEN]:
        return HerinneringSoort.VEERTIEN_DAGEN
    if dagen == 1:
        return HerinneringSoort.EEN_DAG
    if dagen == 0:
        return HerinneringSoort.VANDAAG
    te_laat = -dagen
    if escalatie_dagen() <= te_laat <= escalatie_dagen() + ESCALATIE_INHAALDAGEN:
        return HerinneringSoort.ESCALATIE
    return None


def te_herinneren(*, dag: datetime.date) -> list[tuple[Evaluatiemoment, str]]:
    """The (moment, kind) pairs due on ``dag`` and not sent yet, in two queries.

    Reads only planned moments in the reminder window through the partial index
    ``moment_gepland_op`` (status = gepland), so the cost follows the number due."""
    van = dag - datetime.timedelta(days=escalatie_dagen() + ESCALATIE_INHAALDAGEN)
    tot = dag + datetime.timedelta(days=HERINNERING_DAGEN_VOORAF[HerinneringSoort.VEERTIEN_DAGEN])
    momenten = (
        Evaluatiemoment.objects.filter(
            status=MomentStatus.GEPLAND,
            gepland_op__gte=van,
            gepland_op__lte=tot,
            traject__status=TrajectStatus.EVALUATIE,
        )
        .select_related("traject")
        .prefetch_related(
            Prefetch("herinneringen", queryset=Herinnering.objects.only("moment_id", "soort"))
        )
        .order_by("gepland_op", "pk")
    )
    paren = []
    for moment in momenten:
        soort = herinnering_soort(gepland_op=moment.gepland_op, dag=dag)
        if soort and soort not in {h.soort for h in moment.herinneringen.all()}:
            paren.append((moment, soort))
    return paren


def ambtenaren(*, traject: Traject) -> list[User]:
    """The active officials of the traject's gemeente (by their membership)."""
    return list(
        User.objects.filter(
            lidmaatschappen__gemeente_id=traject.gemeente_id, is_active=True
        ).order_by("pk")
    )


def partijen(*, traject: Traject) -> list[User]:
    """The initiative's members and the confirmed partners' representatives (active)."""
    leden = get_users_with_perms(
        traject,
        only_with_perms_in=[ROL_PERMISSIE[Rol.INITIATIEFNEMER], ROL_PERMISSIE[Rol.PARTNER]],
        with_group_users=False,
    ).filter(is_active=True)
    partners = User.objects.filter(
        partnerschappen__traject=traject,
        partnerschappen__status=PARTNER_BEVESTIGD,
        is_active=True,
    )
    samen = {u.pk: u for u in [*leden, *partners]}
    return [samen[pk] for pk in sorted(samen)]


# --- the schedule and the evaluations -----------------------------------------------------------


def momenten(*, traject: Traject) -> QuerySet[Evaluatiemoment]:
    return (
        Evaluatiemoment.objects.filter(traject=traject)
        .select_related("evaluatie")
        .order_by("gepland_op", "pk")
    )


def moment_get(*, traject: Traject, pk) -> Evaluatiemoment:
    """A moment of ``traject`` (404 for one of another traject)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    moment = Evaluatiemoment.objects.filter(traject=traject, pk=pk).first()
    if moment is None:
        raise Http404
    moment.traject = traject
    return moment


def volgend_moment(*, traject: Traject) -> Evaluatiemoment | None:
    return (
        Evaluatiemoment.objects.filter(traject=traject, status=MomentStatus.GEPLAND)
        .order_by("gepland_op", "pk")
        .first()
    )


def verankering_van(*, traject: Traject) -> Verankering | None:
    return Verankering.objects.filter(traject=traject).first()


def exitplan_van(*, traject: Traject) -> Exitplan | None:
    return Exitplan.objects.filter(traject=traject).first()


def indicatoren(*, traject: Traject) -> list[Indicator]:
    return list(Indicator.objects.filter(horizon__traject=traject).order_by("volgorde", "pk"))


def tranches(*, traject: Traject) -> list[Tranche]:
    return list(Tranche.objects.filter(traject=traject).order_by("datum", "pk"))


def bevestigde_partners(*, traject: Traject) -> list[Partner]:
    return list(
        Partner.objects.filter(traject=traject, status=PARTNER_BEVESTIGD)
        .select_related("gebruiker")
        .order_by("pk")
    )


def partner_van(*, traject: Traject, user: User) -> Partner | None:
    return Partner.objects.filter(traject=traject, gebruiker=user, status=PARTNER_BEVESTIGD).first()


def evaluatie_van(*, moment: Evaluatiemoment) -> Evaluatie | None:
    return (
        Evaluatie.objects.filter(moment=moment)
        .select_related("besloten_door")
        .prefetch_related(
            Prefetch(
                "bijdragen",
                queryset=EvaluatieBijdrage.objects.select_related(
                    "partner", "ingevuld_door"
                ).prefetch_related("metingen__indicator", "bestedingen__tranche"),
            )
        )
        .first()
    )


def bijdrage_van(*, moment: Evaluatiemoment, partner: Partner | None) -> EvaluatieBijdrage | None:
    qs = EvaluatieBijdrage.objects.filter(evaluatie__moment=moment).prefetch_related(
        "metingen", "bestedingen"
    )
    if partner is None:
        return qs.filter(partij_soort="initiatief").first()
    return qs.filter(partner=partner).first()


def ontbrekende_partijen(*, moment: Evaluatiemoment) -> list[str]:
    """The parties (initiative, each confirmed partner) whose part is not submitted yet."""
    ingediend = list(
        EvaluatieBijdrage.objects.filter(
            evaluatie__moment=moment, ingediend_op__isnull=False
        ).values_list("partij_soort", "partner_id")
    )
    ontbrekend = []
    if not any(soort == "initiatief" for soort, _p in ingediend):
        ontbrekend.append(gettext("het initiatief"))
    partner_ids = {p for soort, p in ingediend if soort == "partner"}
    for partner in bevestigde_partners(traject=moment.traject):
        if partner.pk not in partner_ids:
            ontbrekend.append(partner.organisatie)
    return ontbrekend


def momenten_voor_gebruiker(*, user: User) -> QuerySet[Evaluatiemoment]:
    """The planned and finished moments of every traject on which ``user`` has a role: its own
    (initiative, partner) and those of the gemeenten it is an official of."""
    eigen = trajecten_met_rol(user)
    gemeenten = Lidmaatschap.objects.filter(gebruiker_id=user.pk).values("gemeente_id")
    return (
        Evaluatiemoment.objects.filter(
            Q(traject__in=eigen.values("pk")) | Q(traject__gemeente_id__in=gemeenten)
        )
        .exclude(status=MomentStatus.VERVALLEN)
        .select_related("traject__gemeente")
        .order_by("gepland_op", "pk")
    )


def gebruiker_met_sleutel(*, sleutel: str) -> User:
    if not sleutel or len(sleutel) < 20:
        raise Http404
    user = User.objects.filter(ical_sleutel=sleutel, is_active=True).first()
    if user is None:
        raise Http404
    return user
