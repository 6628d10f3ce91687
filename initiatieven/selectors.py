"""Reads of the intake and phase 1."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from guardian.shortcuts import get_users_with_perms

from aanbesteden.constants import Rol, TrajectStatus
from aanbesteden.models import Gemeente, Traject, User
from aanbesteden.permissions import ROL_PERMISSIE
from aanbesteden.tokens import token_hash

from .constants import DocumentStatus, OpgaveStatus
from .models import (
    Beoordelingscriterium,
    Besluitbrief,
    Bijlage,
    Criteriumscore,
    Horizon,
    HorizonVersie,
    Indicator,
    Opgave,
    Reactie,
    ReactieMelding,
    Steunbetuiging,
    Voorstel,
)


def initiatief_vertegenwoordiger(*, traject: Traject) -> User | None:
    """The user who acts and signs for the initiative: whoever started the proposal, or else
    the first member with the initiatiefnemer role."""
    if traject.aangemaakt_door_id and traject.aangemaakt_door.is_active:
        return traject.aangemaakt_door
    leden = get_users_with_perms(
        traject, only_with_perms_in=[ROL_PERMISSIE[Rol.INITIATIEFNEMER]], with_group_users=False
    )
    return leden.filter(is_active=True).order_by("pk").first()


def initiatiefnemers(*, traject: Traject) -> list[User]:
    """Every active user acting for the initiative on ``traject``."""
    return list(
        get_users_with_perms(
            traject,
            only_with_perms_in=[ROL_PERMISSIE[Rol.INITIATIEFNEMER]],
            with_group_users=False,
        )
        .filter(is_active=True)
        .order_by("pk")
    )


def ambtenaren(*, gemeente: Gemeente) -> list[User]:
    return list(
        User.objects.filter(lidmaatschappen__gemeente=gemeente, is_active=True)
        .distinct()
        .order_by("pk")
    )


def betrokkenen(*, traject: Traject) -> list[User]:
    """The initiative's members and the gemeente's officials (the two sides of the intake)."""
    gezien = {}
    for user in [*initiatiefnemers(traject=traject), *ambtenaren(gemeente=traject.gemeente)]:
        gezien.setdefault(user.pk, user)
    return list(gezien.values())


# --- opgaven --------------------------------------------------------------------------------
def open_opgaven(*, gemeente: Gemeente) -> QuerySet[Opgave]:
    """Published calls of ``gemeente`` whose deadline has not passed, soonest first."""
    return (
        Opgave.objects.filter(
            gemeente=gemeente, status=OpgaveStatus.GEPUBLICEERD, deadline__gt=timezone.now()
        )
        .select_related("gemeente")
        .order_by("deadline", "pk")
    )


def opgave_publiek_get(*, gemeente: Gemeente, pk: int) -> Opgave:
    """A published or closed call of ``gemeente``; a draft is not public (404)."""
    opgave = (
        Opgave.objects.select_related("gemeente")
        .filter(gemeente=gemeente, pk=pk)
        .exclude(status=OpgaveStatus.CONCEPT)
        .first()
    )
    if opgave is None:
        raise Http404
    return opgave


def gemeente_opgaven(*, gemeente: Gemeente) -> QuerySet[Opgave]:
    """Every call of ``gemeente`` with its number of submitted proposals (officials)."""
    return (
        Opgave.objects.filter(gemeente=gemeente)
        .select_related("gemeente")
        .annotate(
            aantal_voorstellen=Count(
                "voorstellen", filter=~Q(voorstellen__traject__status=TrajectStatus.CONCEPT)
            )
        )
        .order_by("-created_at", "-pk")
    )


def opgave_get(*, gemeente: Gemeente, pk: int) -> Opgave:
    opgave = Opgave.objects.select_related("gemeente").filter(gemeente=gemeente, pk=pk).first()
    if opgave is None:
        raise Http404
    return opgave


# --- voorstellen ----------------------------------------------------------------------------
def gemeente_voorstellen(*, gemeente: Gemeente, alleen_open: bool = False) -> QuerySet[Voorstel]:
    """Submitted proposals of ``gemeente``, those nearest their decision term first."""
    qs = (
        Voorstel.objects.filter(traject__gemeente=gemeente)
        .exclude(traject__status=TrajectStatus.CONCEPT)
        .select_related("traject", "initiatief", "opgave")
    )
    if alleen_open:
        qs = qs.filter(traject__status=TrajectStatus.INGEDIEND)
    return qs.order_by("besluit", "beslissen_voor", "pk")


def openbare_voorstellen(gemeente: Gemeente | None = None) -> QuerySet[Voorstel]:
    """Submitted proposals their initiative chose to publish, newest publication first.

    A draft is never public, nor is a withdrawn proposal; ``gemeente`` narrows to one gemeente.
    """
    qs = (
        Voorstel.objects.filter(openbaar=True, ingediend_op__isnull=False)
        .exclude(traject__status__in=[TrajectStatus.CONCEPT, TrajectStatus.INGETROKKEN])
        .select_related("traject", "traject__gemeente", "initiatief", "opgave")
    )
    if gemeente is not None:
        qs = qs.filter(traject__gemeente=gemeente)
    return qs.order_by("-openbaar_sinds", "-pk")


def openbaar_voorstel_get(*, gemeente: Gemeente, pk: int) -> Voorstel:
    """A published proposal of ``gemeente``, or 404."""
    voorstel = openbare_voorstellen(gemeente=gemeente).filter(pk=pk).first()
    if voorstel is None:
        raise Http404
    return voorstel


#: Supporters' names on a public page (the count is always complete).
STEUNERS_OP_PAGINA = 50


def steun_telling(*, voorstel: Voorstel) -> dict:
    """All the support of a proposal in one query: confirmed online support (asked by the
    initiative or given on the public page, of which from the gemeente's postcodes), the
    signatures on paper, and the total."""
    telling = voorstel.steunbetuigingen.filter(bevestigd_op__isnull=False).aggregate(
        online=Count("pk"),
        openbaar=Count("pk", filter=Q(via_openbare_pagina=True)),
        lokaal=Count("pk", filter=Q(lokaal=True)),
    )
    telling["handtekeningen"] = voorstel.handtekeningen
    telling["totaal"] = telling["online"] + voorstel.handtekeningen
    return telling


def openbare_steuners(*, voorstel: Voorstel) -> list[str]:
    """The names supporters allowed on the public page, first ones first (bounded)."""
    return list(
        voorstel.steunbetuigingen.filter(bevestigd_op__isnull=False, naam_openbaar=True)
        .exclude(naam="")
        .order_by("bevestigd_op", "pk")
        .values_list("naam", flat=True)[:STEUNERS_OP_PAGINA]
    )


def voorstel_get(*, traject: Traject) -> Voorstel:
    voorstel = (
        Voorstel.objects.select_related("initiatief", "opgave", "besloten_door")
        .filter(traject=traject)
        .first()
    )
    if voorstel is None:
        raise Http404
    voorstel.traject = traject
    return voorstel


def voorstel_van(*, traject: Traject) -> Voorstel | None:
    """The proposal of ``traject`` with what the traject page's panel shows of it (initiative,
    call, decision letter, assessment), or ``None``; one query."""
    return (
        Voorstel.objects.select_related("initiatief", "opgave", "besluitbrief", "beoordeling")
        .filter(traject_id=traject.pk)
        .first()
    )


def concurrerende_voorstellen(*, voorstel: Voorstel) -> list[Voorstel]:
    """Other proposals on the same call that still wait (a draft or submitted, no decision)."""
    if voorstel.opgave_id is None:
        return []
    return list(
        Voorstel.objects.filter(
            opgave_id=voorstel.opgave_id,
            traject__status__in=(TrajectStatus.CONCEPT, TrajectStatus.INGEDIEND),
        )
        .exclude(pk=voorstel.pk)
        .select_related("traject", "opgave")
        .order_by("traject__status", "pk")
    )


def voorstel_details(*, voorstel: Voorstel) -> dict:
    """What the proposal page shows besides the proposal itself, in a fixed number of queries."""
    steun = list(voorstel.steunbetuigingen.order_by("pk"))
    return {
        "contactpersonen": list(voorstel.initiatief.contactpersonen.all()),
        "steun": steun,
        "steun_bevestigd": sum(1 for s in steun if s.bevestigd_op),
        "steun_telling": steun_telling(voorstel=voorstel),
        "bijlagen": list(voorstel.bijlagen.all()),
        "besluitbrief": getattr_of_none(voorstel, "besluitbrief"),
        "beoordeling": getattr_of_none(voorstel, "beoordeling"),
    }


def getattr_of_none(obj, naam: str):
    try:
        return getattr(obj, naam)
    except ObjectDoesNotExist:  # the reverse one-to-one does not exist
        return None


def bijlage_get(*, voorstel: Voorstel, pk: int) -> Bijlage:
    bijlage = Bijlage.objects.filter(voorstel=voorstel, pk=pk).first()
    if bijlage is None:
        raise Http404
    return bijlage


def horizon_versies(*, horizon: Horizon) -> QuerySet[HorizonVersie]:
    """The saved versions of the horizon, with who changed each."""
    return HorizonVersie.objects.filter(horizon=horizon).select_related("gewijzigd_door")


def steun_bij_token(*, token: str) -> Steunbetuiging | None:
    """The support statement a link is for, with the proposal it supports (one query)."""
    if not token or len(token) > 200:
        return None
    return (
        Steunbetuiging.objects.select_related("voorstel__traject__gemeente", "voorstel__initiatief")
        .filter(token_hash=token_hash(token))
        .first()
    )


def criteria_voor_gemeente(*, gemeente: Gemeente) -> QuerySet[Beoordelingscriterium]:
    """The gemeente's active criteria, in their order (a new gemeente is given the usual list:
    ``services.standaardcriteria_aanmaken``)."""
    return Beoordelingscriterium.objects.filter(gemeente=gemeente, actief=True).order_by(
        "volgorde", "pk"
    )


def criteria_beheer(*, gemeente: Gemeente) -> QuerySet[Beoordelingscriterium]:
    """Every criterium of the gemeente, the inactive ones too, for its beheerders."""
    return Beoordelingscriterium.objects.filter(gemeente=gemeente).order_by("volgorde", "pk")


def beoordeling_scores(*, voorstel: Voorstel) -> list[dict]:
    """Every criterium of the gemeente with this proposal's score (or none yet)."""
    criteria = Beoordelingscriterium.objects.filter(
        gemeente_id=voorstel.traject.gemeente_id, actief=True
    ).order_by("volgorde", "pk")
    scores = {
        s.criterium_id: s for s in Criteriumscore.objects.filter(beoordeling__voorstel=voorstel)
    }
    return [{"criterium": c, "score": scores.get(c.pk)} for c in criteria]


def beoordeling_compleet(*, voorstel: Voorstel) -> bool:
    """Every active criterium of the gemeente has a score (and there is at least one)."""
    criteria = Beoordelingscriterium.objects.filter(
        gemeente_id=voorstel.traject.gemeente_id, actief=True
    )
    ontbrekend = criteria.exclude(scores__beoordeling__voorstel=voorstel)
    return criteria.exists() and not ontbrekend.exists()


def vergelijking(*, opgave: Opgave) -> dict:
    """The submitted proposals answering ``opgave`` side by side, with their scores."""
    voorstellen = list(
        Voorstel.objects.filter(opgave=opgave)
        .exclude(traject__status=TrajectStatus.CONCEPT)
        .select_related("traject", "initiatief")
        .annotate(
            aantal_steun=Count(
                "steunbetuigingen", filter=Q(steunbetuigingen__bevestigd_op__isnull=False)
            )
        )
        .order_by("pk")
    )
    criteria = list(
        Beoordelingscriterium.objects.filter(gemeente_id=opgave.gemeente_id, actief=True).order_by(
            "volgorde", "pk"
        )
    )
    scores = {
        (s.beoordeling.voorstel_id, s.criterium_id): s
        for s in Criteriumscore.objects.filter(
            beoordeling__voorstel__in=voorstellen
        ).select_related("beoordeling")
    }
    rijen = [
        {"criterium": c, "cellen": [(v, scores.get((v.pk, c.pk))) for v in voorstellen]}
        for c in criteria
    ]
    return {"voorstellen": voorstellen, "rijen": rijen}


# --- horizon --------------------------------------------------------------------------------
def horizon_van(*, traject: Traject) -> Horizon | None:
    return (
        Horizon.objects.select_related("akkoord_initiatief_door", "akkoord_gemeente_door")
        .prefetch_related(
            Prefetch("indicatoren", queryset=Indicator.objects.order_by("volgorde", "pk"))
        )
        .filter(traject=traject)
        .first()
    )


def besluitbrief_voor_sha256(sha256: str) -> Besluitbrief | None:
    """The sealed decision letter with this SHA-256 (for the public verification page)."""
    if not sha256:
        return None
    return (
        Besluitbrief.objects.filter(sha256=sha256, status=DocumentStatus.KLAAR)
        .select_related("voorstel__traject__gemeente")
        .first()
    )


# --- reactions on public pages --------------------------------------------------------------
#: Reactions on one public page (the newest ones; older ones are not shown).
REACTIES_OP_PAGINA = 100


def reacties_op_pagina(*, traject: Traject, plek: str) -> list[Reactie]:
    """The confirmed reactions on a public page, oldest first, each with its confirmed answers
    (``zichtbare_antwoorden``); hidden ones stay, so that the page can say why; two queries."""
    bevestigd = Reactie.objects.filter(bevestigd_op__isnull=False)
    reacties = list(
        bevestigd.filter(traject=traject, plek=plek, antwoord_op__isnull=True)
        .prefetch_related(
            Prefetch(
                "antwoorden",
                queryset=bevestigd.order_by("created_at", "pk"),
                to_attr="zichtbare_antwoorden",
            )
        )
        .order_by("-created_at", "-pk")[:REACTIES_OP_PAGINA]
    )
    reacties.reverse()
    return reacties


def reactie_get(*, pk: int) -> Reactie:
    """A confirmed reaction (anyone may report it), or 404."""
    reactie = (
        Reactie.objects.select_related("traject__gemeente")
        .filter(pk=pk, bevestigd_op__isnull=False)
        .first()
    )
    if reactie is None:
        raise Http404
    return reactie


def gemeente_reacties(*, gemeente: Gemeente) -> list[Reactie]:
    """The gemeente's list to moderate: reported reactions first, then the newest, with the
    reasons given; bounded."""
    return list(
        Reactie.objects.filter(traject__gemeente=gemeente, bevestigd_op__isnull=False)
        .select_related("traject")
        .annotate(aantal_meldingen=Count("meldingen"))
        .prefetch_related(Prefetch("meldingen", queryset=ReactieMelding.objects.order_by("pk")))
        .order_by("-aantal_meldingen", "-created_at", "-pk")[:REACTIES_OP_PAGINA]
    )
