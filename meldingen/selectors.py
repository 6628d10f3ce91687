"""Reads of the notifications: a user's choices per kind, whether a notification is mailed
at once, and what waits for the daily digest."""

from __future__ import annotations

from django.db.models import QuerySet

from aanbesteden.models import User

from .constants import Bezorging, NotificatieSoort
from .models import Notificatie, NotificatieVoorkeur


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


def meldingen_van(*, user: User, alleen_ongelezen: bool = False) -> QuerySet[Notificatie]:
    """The in-app list of ``user``: everything the platform sent, or only what is unread."""
    lijst = Notificatie.objects.filter(ontvanger=user).select_related("traject")
    if alleen_ongelezen:
        lijst = lijst.filter(gelezen_op__isnull=True)
    return lijst
