"""Reads of the core: which trajecten a user may see, and what the traject page shows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404
from django_fsm import Transition
from django_fsm_log.models import StateLog

from . import permissions
from .constants import EINDSTATUSSEN, FASEN, TrajectStatus
from .fasen import Vereiste, fasen
from .models import Gemeente, Lidmaatschap, Traject, User
from .transities import TRANSITIES


def traject_get(*, user: User | AnonymousUser, pk: Any) -> Traject:
    """The traject ``pk`` if ``user`` has a role on it; 404 otherwise (also for other gemeenten,
    so that nobody learns what exists elsewhere)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    traject = Traject.objects.select_related("gemeente").filter(pk=pk).first()
    if traject is None or not user.is_authenticated or not permissions.kan_bekijken(user, traject):
        raise Http404
    return traject


def trajecten_van_gebruiker(*, user: User, rol: str | None = None) -> QuerySet[Traject]:
    """Trajecten where ``user`` itself (not through a gemeente) has a role (or the role
    ``rol``: initiatiefnemer or partner)."""
    rollen = (rol,) if rol else ()
    return permissions.trajecten_met_rol(user, *rollen).select_related("gemeente")


def alle_gemeenten() -> QuerySet[Gemeente]:
    """Every gemeente on the platform, by name."""
    return Gemeente.objects.order_by("naam")


def gemeenten_van_ambtenaar(*, user: User) -> QuerySet[Gemeente]:
    if not user.is_authenticated:
        return Gemeente.objects.none()
    return Gemeente.objects.filter(lidmaatschappen__gebruiker=user).distinct()


def lidmaatschap_van(*, user: User, gemeente: Gemeente) -> Lidmaatschap | None:
    if not user.is_authenticated:
        return None
    return Lidmaatschap.objects.filter(gebruiker=user, gemeente=gemeente).first()


def gemeente_trajecten(*, gemeente: Gemeente, status: str | None = None) -> QuerySet[Traject]:
    qs = Traject.objects.filter(gemeente=gemeente).select_related("gemeente")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-updated_at", "-pk")


@dataclass
class Stap:
    """A transition as the traject page shows it ("Stappen die u nu kunt zetten")."""

    naam: str
    label: str
    doel: str
    mag: bool
    onvervuld: list[Vereiste]
    vooruit: bool  # a step back or out shows no checklist of what is still missing

    @property
    def kan_nu(self) -> bool:
        return self.mag and not self.onvervuld


def traject_stappen(*, traject: Traject, user: User) -> list[Stap]:
    """Every transition possible from the current state, whether ``user`` may fire it and
    what is still missing for it."""
    stappen = []
    for t in _uit_huidige(traject):
        rij = TRANSITIES[t.name]
        stappen.append(
            Stap(
                naam=rij.naam,
                label=str(rij.label),
                doel=str(t.target),
                mag=permissions.mag(user, f"traject.{rij.naam}", traject),
                onvervuld=fasen.onvervuld(traject, rij.naam),
                vooruit=rij.vooruit,
            )
        )
    volgorde = list(TRANSITIES)
    stappen.sort(key=lambda s: volgorde.index(s.naam))
    return stappen


def _uit_huidige(traject: Traject) -> Iterator[Transition]:
    for t in traject.get_all_status_transitions():  # type: ignore[attr-defined]
        if t.source == traject.status:
            yield t


def traject_tijdlijn(*, traject: Traject) -> QuerySet[StateLog]:
    # content_type too: the log rows show their states through the model's choices.
    return (
        StateLog.objects.for_(traject)
        .select_related("by", "content_type")
        .order_by("timestamp", "pk")
    )


def _laatste_fase(traject: Traject) -> int | None:
    """The phase an ended traject was in when it ended (ended, withdrawn, refused): the
    source of the step that ended it (one query); ``None`` before the first phase."""
    van = (
        StateLog.objects.for_(traject)
        .filter(state=traject.status)
        .order_by("-timestamp", "-pk")
        .values_list("source_state", flat=True)
        .first()
    )
    return next((nummer for nummer, _l, statussen in FASEN if van in statussen), None)


def fase_voortgang(*, traject: Traject) -> list[dict[str, Any]]:
    """The five phases for the progress bar, each marked done, current or to come (not to be
    confused with a ``Stap``: a transition the person can take now). After a traject ended
    early, the phases it reached stay marked, the last as where it stopped."""
    huidig = traject.fase
    gestopt = None
    if not huidig and traject.status in EINDSTATUSSEN:
        gestopt = _laatste_fase(traject)
    stappen = []
    for nummer, label, _statussen in FASEN:
        bereikt = bool(gestopt) and nummer <= (gestopt or 0)
        if traject.status == TrajectStatus.VERANKERD or (huidig and nummer < huidig) or bereikt:
            stand = "klaar"
        elif nummer == huidig:
            stand = "huidig"
        else:
            stand = "later"
        stappen.append(
            {"nummer": nummer, "label": label, "stand": stand, "gestopt": nummer == gestopt}
        )
    return stappen
