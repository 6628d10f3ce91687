"""Reads of the API: what a token reaches, and the public lists."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django_fsm_log.models import StateLog

from aanbesteden.models import Gemeente, Traject
from aanbesteden.selectors import traject_tijdlijn
from initiatieven.constants import OpgaveStatus
from initiatieven.models import Opgave, Voorstel
from initiatieven.selectors import openbare_voorstellen

from .models import Applicatie, Webhookabonnement, Webhooklevering, token_hash


def applicatie_van_token(*, token: str) -> Applicatie | None:
    """The active application whose token this is (compared by hash), or None."""
    if not token:
        return None
    return (
        Applicatie.objects.select_related("gemeente")
        .filter(token_hash=token_hash(token), is_active=True)
        .first()
    )


def gemeenten() -> QuerySet[Gemeente]:
    return Gemeente.objects.order_by("naam", "pk")


def gepubliceerde_opgaven() -> QuerySet[Opgave]:
    """Every call a gemeente published (open, or closed after its deadline); no drafts."""
    return (
        Opgave.objects.exclude(status=OpgaveStatus.CONCEPT)
        .select_related("gemeente")
        .order_by("-gepubliceerd_op", "-pk")
    )


def gepubliceerde_voorstellen() -> QuerySet[Voorstel]:
    """The submitted proposals their initiatives published (``initiatieven.selectors``)."""
    return openbare_voorstellen()


def gemeente_trajecten(*, gemeente: Gemeente) -> QuerySet[Traject]:
    """Every traject of the gemeente, for its own systems (newest change first)."""
    return (
        Traject.objects.filter(gemeente=gemeente)
        .select_related("gemeente")
        .order_by("-updated_at", "-pk")
    )


def traject_geschiedenis(*, traject: Traject) -> QuerySet[StateLog]:
    """The traject's phase changes, oldest first (django-fsm-log's timeline)."""
    return traject_tijdlijn(traject=traject)


def laatste_fasewisseling(*, traject: Traject) -> StateLog | None:
    return StateLog.objects.for_(traject).order_by("-timestamp", "-pk").first()


def actieve_abonnementen(*, gemeente_id: int) -> QuerySet[Webhookabonnement]:
    return Webhookabonnement.objects.filter(
        applicatie__gemeente_id=gemeente_id, applicatie__is_active=True, is_active=True
    ).order_by("pk")


def abonnementen(*, applicatie: Applicatie) -> QuerySet[Webhookabonnement]:
    """The gemeente's subscriptions (every application of the gemeente sees them all)."""
    return Webhookabonnement.objects.filter(
        applicatie__gemeente_id=applicatie.gemeente_id
    ).order_by("pk")


def abonnement_get(*, applicatie: Applicatie, pk: int) -> Webhookabonnement:
    abonnement = abonnementen(applicatie=applicatie).filter(pk=pk).first()
    if abonnement is None:
        raise Http404
    return abonnement


def leveringen(*, abonnement: Webhookabonnement) -> QuerySet[Webhooklevering]:
    return Webhooklevering.objects.filter(abonnement=abonnement).order_by("-created_at", "-pk")
