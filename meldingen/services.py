"""Writes of the notifications: marking them read, the choices per kind and the daily
digest."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from aanbesteden.models import User

from . import selectors
from .berichten import mail_vastleggen, mail_versturen_nu, opmaken
from .constants import Bezorging, NotificatieSoort
from .models import Dagoverzicht, Notificatie, NotificatieVoorkeur

logger = logging.getLogger(__name__)


def notificatie_gelezen(*, notificatie: Notificatie) -> None:
    """Mark one notification read (once: a second time keeps the first moment)."""
    if notificatie.gelezen_op is None:
        notificatie.gelezen_op = timezone.now()
        notificatie.save(update_fields=["gelezen_op"])


def alles_gelezen(*, gebruiker: User) -> int:
    """Mark every unread notification of ``gebruiker`` read. Returns how many."""
    return Notificatie.objects.filter(ontvanger=gebruiker, gelezen_op__isnull=True).update(
        gelezen_op=timezone.now()
    )


@transaction.atomic
def voorkeuren_opslaan(*, gebruiker: User, keuzes: dict[str, str]) -> None:
    """Store ``gebruiker``'s choice per notification kind. Log-in links are always mailed."""
    for soort, bezorging in keuzes.items():
        if soort not in NotificatieSoort.values or soort == NotificatieSoort.INLOGLINK:
            continue
        if bezorging not in Bezorging.values:
            raise ValueError(bezorging)
        NotificatieVoorkeur.objects.update_or_create(
            gebruiker=gebruiker, soort=soort, defaults={"bezorging": bezorging}
        )


def dagoverzichten_versturen() -> int:
    """Send every user who chose a daily digest one mail with what waits. Returns the number
    of mails sent. Safe to run twice a day: the second run sends nothing."""
    gebruikers = (
        User.objects.filter(is_active=True, notificatievoorkeuren__bezorging=Bezorging.DAGOVERZICHT)
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    verzonden = 0
    for pk in list(gebruikers):
        try:
            if dagoverzicht_versturen(gebruiker_id=pk):
                verzonden += 1
        except Exception:  # one failing mailbox must not stop the others
            logger.exception("Dagoverzicht voor gebruiker %s mislukt", pk)
    return verzonden


@transaction.atomic
def dagoverzicht_versturen(*, gebruiker_id: int) -> bool:
    """The digest of one user for today, at most once (a unique row per user and day)."""
    gebruiker = User.objects.select_for_update().filter(pk=gebruiker_id, is_active=True).first()
    if gebruiker is None:
        return False
    datum = timezone.localdate()
    try:
        with transaction.atomic():
            overzicht = Dagoverzicht.objects.create(gebruiker=gebruiker, datum=datum)
    except IntegrityError:
        return False
    meldingen = list(selectors.dagoverzicht_meldingen(user=gebruiker).select_for_update())
    overzicht.aantal = len(meldingen)
    if meldingen:
        with translation.override(gebruiker.taal or settings.LANGUAGE_CODE):
            ctx = {
                "ontvanger": gebruiker,
                "meldingen": meldingen,
                "datum": datum,
                "site_url": settings.SITE_URL,
            }
            onderwerp, tekst = opmaken("meldingen/mail/dagoverzicht", ctx)
        # This runs in a worker already: recorded, then sent from here (the sweep keeps it
        # owed when the mail server refuses).
        mail = mail_vastleggen(adres=gebruiker.email, onderwerp=onderwerp, tekst=tekst)
        mail_versturen_nu(mail.pk)
        nu = timezone.now()
        Notificatie.objects.filter(pk__in=[m.pk for m in meldingen]).update(gemaild_op=nu)
        overzicht.verzonden_op = nu
    overzicht.save(update_fields=["aantal", "verzonden_op"])
    return bool(meldingen)
