"""Writes of the core. Every status change of a traject goes through ``traject_transitie``."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition, TransitionNotAllowed

from . import permissions
from .constants import LidmaatschapRol, Rol, TrajectStatus
from .fasen import fasen
from .fouten import Geweigerd
from .models import GEMEENTE_VAST, Gemeente, Lidmaatschap, Traject, User
from .transities import TRANSITIES


class TransitieGeweigerd(Geweigerd):
    """A transition that may not happen now (409), or not by this person (``verboden``: 403);
    ``str(exc)`` is the message for the user, ``redenen`` the unmet requirements."""

    status = 409

    def __init__(self, bericht: Any, *, redenen: list[Any] | None = None, verboden: bool = False):
        super().__init__(bericht, redenen=redenen, status=403 if verboden else None)

    @property
    def verboden(self) -> bool:
        return self.status == 403


def transitie_methode(traject: Traject, transitie: str):
    if transitie not in TRANSITIES:
        raise TransitieGeweigerd(_("Deze stap bestaat niet."))
    return getattr(traject, transitie)


def traject_transitie(
    *,
    traject: Traject,
    transitie: str,
    door: User,
    motivatie: str = "",
    controleer_rechten: bool = True,
) -> Traject:
    """Fire ``transitie`` on ``traject`` as ``door``: the one way a traject changes status.

    The steps below run in this order (``manage.py transities`` prints, per transition, the
    requirements and follow-ups the phase apps registered). Raises ``TransitieGeweigerd`` with
    a message for the user; nothing is saved then.
    """
    # 1. The step exists in the table, with a motivation where the table asks for one.
    motivatie = (motivatie or "").strip()
    methode = transitie_methode(traject, transitie)
    if TRANSITIES[transitie].motivatie_verplicht and not motivatie:
        raise TransitieGeweigerd(_("Geef een motivatie voor deze stap."))
    if len(motivatie) > 5000:
        raise TransitieGeweigerd(_("De motivatie is te lang (hoogstens 5000 tekens)."))

    with transaction.atomic():
        # 2. Lock the row; refuse a copy that is stale (another status, another gemeente).
        actueel = Traject.objects.select_for_update().filter(pk=traject.pk).first()
        if actueel is None:
            raise TransitieGeweigerd(_("Dit traject bestaat niet meer."))
        if actueel.gemeente_id != traject.gemeente_id:
            if getattr(traject, "_geladen_gemeente_id", None) == actueel.gemeente_id:
                # Changed on this copy: the gemeente of a traject is fixed (see Traject.save).
                raise TransitieGeweigerd(str(GEMEENTE_VAST))
            raise TransitieGeweigerd(
                _("Iemand anders heeft dit traject intussen gewijzigd. Bekijk het opnieuw.")
            )
        if actueel.status != traject.status:
            raise TransitieGeweigerd(
                _(
                    "Iemand anders heeft dit traject intussen naar een andere fase gezet "
                    "(nu: %(status)s). Bekijk het traject opnieuw."
                )
                % {"status": actueel.get_status_display()}
            )
        # 3. The step leaves from this status, and ``door`` has one of its roles.
        meta = methode._django_fsm
        if not meta.has_transition(traject.status):
            raise TransitieGeweigerd(
                _("Deze stap kan niet vanuit de fase %(status)s.")
                % {"status": TrajectStatus(traject.status).label}
            )
        if controleer_rechten and not meta.has_transition_perm(traject, traject.status, door):
            if not permissions.kan_bekijken(door, traject):
                raise TransitieGeweigerd(_("U hebt geen toegang tot dit traject."), verboden=True)
            raise TransitieGeweigerd(
                _("U mag deze stap niet zetten in uw rol bij dit traject."), verboden=True
            )
        # 4. Every registered requirement holds (all unmet ones are named).
        onvervuld = fasen.onvervuld(traject, transitie)
        if onvervuld:
            raise TransitieGeweigerd(
                _("Deze stap kan nog niet: niet alles is klaar."),
                redenen=[str(v.bericht) for v in onvervuld],
            )
        # 5. Transition and save; django-fsm-log writes who, when, from, to and why.
        van = traject.status
        try:
            methode(by=door, description=motivatie or None)
        except TransitionNotAllowed as exc:
            raise TransitieGeweigerd(
                _("Deze stap kan niet vanuit de fase %(status)s.")
                % {"status": TrajectStatus(van).label}
            ) from exc
        try:
            traject.save()
        except ConcurrentTransition as exc:
            raise TransitieGeweigerd(
                _("Iemand anders heeft dit traject intussen gewijzigd. Bekijk het opnieuw.")
            ) from exc
        # 6. The phase apps' follow-ups, in the order registered, in this transaction.
        for gevolg in fasen.gevolgen(transitie):
            gevolg(traject=traject, door=door, motivatie=motivatie)
        # 7. The message to everybody involved is a follow-up too: the notifications app
        #    registers it for every transition whose phase app sends no message of its own.
    return traject


def traject_betrokkenen(traject: Traject) -> list[User]:
    """Every active user with a role on ``traject``: the officials of its gemeente (by their
    membership) and the initiative's members and partners (by their own permissions)."""
    from guardian.shortcuts import get_users_with_perms

    eigen: QuerySet[User] = get_users_with_perms(  # type: ignore[assignment]
        traject, with_group_users=False, only_with_perms_in=["view_traject"]
    )
    ambtenaren = Lidmaatschap.objects.filter(gemeente_id=traject.gemeente_id)
    return list(
        User.objects.filter(
            Q(pk__in=eigen.values("pk")) | Q(pk__in=ambtenaren.values("gebruiker_id")),
            is_active=True,
        ).order_by("pk")
    )


@transaction.atomic
def traject_aanmaken(
    *, gemeente: Gemeente, titel: str, initiatiefnemer: User | None = None, **velden: str
) -> Traject:
    traject = Traject.objects.create(
        gemeente=gemeente, titel=titel, aangemaakt_door=initiatiefnemer, **velden
    )
    if initiatiefnemer is not None:
        permissions.rol_toekennen(traject=traject, user=initiatiefnemer, rol=Rol.INITIATIEFNEMER)
    return traject


@transaction.atomic
def gemeente_aanmaken(*, naam: str, slug: str, cbs_code: str, **velden: object) -> Gemeente:
    gemeente = Gemeente(naam=naam, slug=slug, cbs_code=cbs_code, **velden)
    gemeente.full_clean()
    gemeente.save()
    gemeente_inrichten(gemeente=gemeente)
    return gemeente


@transaction.atomic
def gemeente_inrichten(*, gemeente: Gemeente) -> None:
    """Give a new gemeente what the phase apps registered for it (``fasen.bij_nieuwe_gemeente``):
    what their pages read exists from the start, so no GET makes it."""
    for inrichten in fasen.voor_nieuwe_gemeente():
        inrichten(gemeente=gemeente)


@transaction.atomic
def lidmaatschap_toevoegen(
    *,
    gemeente: Gemeente,
    gebruiker: User,
    rol: str = LidmaatschapRol.AMBTENAAR,
    mag_tekenen: bool = False,
) -> Lidmaatschap:
    """Make ``gebruiker`` an official of ``gemeente`` (or change the membership's role): from
    now on the user acts for the gemeente on every traject of it."""
    lid, _created = Lidmaatschap.objects.update_or_create(
        gemeente=gemeente, gebruiker=gebruiker, defaults={"rol": rol, "mag_tekenen": mag_tekenen}
    )
    return lid


@transaction.atomic
def lidmaatschap_beeindigen(*, lidmaatschap: Lidmaatschap) -> None:
    """End the membership: with the row goes the official's access to the gemeente's
    trajecten (``permissions.traject_rollen`` reads nothing else)."""
    lidmaatschap.delete()
