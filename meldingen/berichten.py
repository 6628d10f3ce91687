"""Messages to users: every mail is also an in-app notification, written in the recipient's
language from a pair of templates ``<sjabloon>_onderwerp.txt`` and ``<sjabloon>.txt``."""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

if TYPE_CHECKING:
    from aanbesteden.models import Traject, User

    from .models import Notificatie, Uitgaandemail

log = logging.getLogger(__name__)

#: Sent mails are kept this long (for an operator to look up), then removed.
MAIL_BEWAREN_DAGEN = 30


def absolute_url(pad: str) -> str:
    if pad.startswith(("http://", "https://")):
        return pad
    return f"{settings.SITE_URL}{pad}"


def op_een_regel(tekst: str) -> str:
    """A name or title somebody typed, for a mail: on one line, so that it cannot start a
    paragraph of its own that reads like the platform's words."""
    return " ".join(str(tekst).split())


def geciteerd(tekst: str) -> str:
    """A message somebody wrote, for a mail: every line starts with "> ", as a quotation."""
    return "\n".join(f"> {regel}".rstrip() for regel in str(tekst).strip().splitlines())


def opmaken(sjabloon: str, context: dict[str, Any]) -> tuple[str, str]:
    """Subject and body of a mail from ``<sjabloon>_onderwerp.txt`` and ``<sjabloon>.txt``, in
    the active language, as plain text (no HTML escaping)."""
    onderwerp = " ".join(
        render_to_string(f"{sjabloon}_onderwerp.txt", context, using="tekst").split()
    )[:250]
    return onderwerp, render_to_string(f"{sjabloon}.txt", context, using="tekst").strip()


def mail_aan_adres(
    *, adres: str, sjabloon: str, context: dict[str, Any], taal: str | None = None
) -> None:
    """Mail somebody who has no account (yet), such as an invitee or a supporter: recorded in
    the current transaction and sent after it commits; in ``taal``, or else the language the
    sender is using now."""
    taal = taal or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(taal):
        onderwerp, tekst = opmaken(sjabloon, {**context, "site_url": settings.SITE_URL})
    mail_vastleggen(adres=adres, onderwerp=onderwerp, tekst=tekst)


#: Inside ``een_bericht_per_persoon``: the (traject id, user id) pairs messaged so far.
_gebundeld: ContextVar[set[tuple[int | None, int]] | None] = ContextVar("gebundeld", default=None)


@contextmanager
def een_bericht_per_persoon() -> Iterator[None]:
    """One decision, one message per person. Inside this block ``bericht_versturen`` sends
    each person at most one message about a traject: a later message of the same decision
    (such as the general "new phase" message after a decision that moved the traject on)
    skips whoever already got one. So the first, most specific message is the one sent.
    Nested blocks count as the outer one."""
    if _gebundeld.get() is not None:
        yield
        return
    token = _gebundeld.set(set())
    try:
        yield
    finally:
        _gebundeld.reset(token)


def bericht_versturen(
    *,
    ontvangers: Iterable[User],
    soort: str,
    sjabloon: str,
    context: dict[str, Any],
    traject: Traject | None = None,
    url: str = "",
    bijlagen: list[tuple[str, bytes, str]] | None = None,
    alleen_mail: bool = False,
) -> list[int]:
    """Write one notification per recipient now and record its mail (when the recipient wants
    it at once) in the same transaction; the mail goes out after the commit.

    ``alleen_mail`` is for messages that must not be kept in the list, such as log-in links.
    Returns the ids of the notifications written.
    """
    from .models import Notificatie
    from .selectors import meteen_mailen

    ids: list[int] = []
    gebundeld = _gebundeld.get()
    for ontvanger in {o.pk: o for o in ontvangers}.values():
        if gebundeld is not None and not alleen_mail:
            sleutel = (traject.pk if traject is not None else None, ontvanger.pk)
            if sleutel in gebundeld:
                continue  # this decision already told this person
            gebundeld.add(sleutel)
        with translation.override(ontvanger.taal or settings.LANGUAGE_CODE):
            ctx = {
                **context,
                "ontvanger": ontvanger,
                "url": absolute_url(url) if url else "",
                "site_url": settings.SITE_URL,
            }
            onderwerp, tekst = opmaken(sjabloon, ctx)
        if alleen_mail:
            mail_vastleggen(
                adres=ontvanger.email, onderwerp=onderwerp, tekst=tekst, bijlagen=bijlagen
            )
            continue
        notificatie = Notificatie.objects.create(
            ontvanger=ontvanger,
            traject=traject,
            soort=soort,
            onderwerp=onderwerp,
            tekst=tekst,
            url=url,
        )
        ids.append(notificatie.pk)
        # The recipient's choice per kind: at once, in the daily digest, or no mail.
        if meteen_mailen(notificatie=notificatie, met_bijlagen=bool(bijlagen)):
            mail_vastleggen(
                adres=ontvanger.email,
                onderwerp=onderwerp,
                tekst=tekst,
                bijlagen=bijlagen,
                notificatie=notificatie,
            )
    return ids


def notificatie_mailen_nu(
    notificatie_id: int, *, bijlagen: list[tuple[str, bytes, str]] | None = None
) -> bool:
    """Mail one notification unless it was mailed (or recorded to be mailed) already. Returns
    whether it was sent now."""
    from .models import Notificatie, Uitgaandemail
    from .selectors import meteen_mailen

    with transaction.atomic():
        notificatie = (
            Notificatie.objects.select_for_update()
            .select_related("ontvanger")
            .filter(pk=notificatie_id, gemaild_op__isnull=True)
            .first()
        )
        if notificatie is None or Uitgaandemail.objects.filter(notificatie=notificatie).exists():
            return False
        if not meteen_mailen(notificatie=notificatie, met_bijlagen=bool(bijlagen)):
            return False
        mail = _vastleggen(
            adres=notificatie.ontvanger.email,
            onderwerp=notificatie.onderwerp,
            tekst=notificatie.tekst,
            bijlagen=bijlagen,
            notificatie=notificatie,
        )
    return mail_versturen_nu(mail.pk)


# --- the mail outbox ----------------------------------------------------------------------------
def _vastleggen(
    *,
    adres: str,
    onderwerp: str,
    tekst: str,
    bijlagen: list[tuple[str, bytes, str]] | None = None,
    notificatie: Notificatie | None = None,
) -> Uitgaandemail:
    from .models import Uitgaandemail

    return Uitgaandemail.objects.create(
        adres=adres,
        onderwerp=onderwerp[:255],
        tekst=tekst,
        bijlagen=[
            {"naam": naam, "mime": mime, "inhoud": base64.b64encode(inhoud).decode("ascii")}
            for naam, inhoud, mime in bijlagen or []
        ],
        notificatie=notificatie,
    )


def mail_vastleggen(
    *,
    adres: str,
    onderwerp: str,
    tekst: str,
    bijlagen: list[tuple[str, bytes, str]] | None = None,
    notificatie: Notificatie | None = None,
) -> Uitgaandemail:
    """Record a mail the platform owes in the current transaction, and hand it to a worker
    once the transaction commits (in-process mode: send it then). If that fails, the sweep
    sends it later."""
    mail = _vastleggen(
        adres=adres, onderwerp=onderwerp, tekst=tekst, bijlagen=bijlagen, notificatie=notificatie
    )
    transaction.on_commit(partial(_mail_aanbieden, mail.pk))
    return mail


def _mail_aanbieden(mail_id: int) -> None:
    from aanbesteden.werk import taak_aanbieden

    from .tasks import mail_versturen

    taak_aanbieden(mail_versturen, kwargs={"mail_id": mail_id})


def wachttijd(pogingen: int) -> timedelta:
    """How long to wait after the ``pogingen``-th failed try."""
    wachttijden = settings.MAIL_WACHTTIJDEN
    return timedelta(seconds=wachttijden[min(pogingen, len(wachttijden)) - 1])


def mail_versturen_nu(mail_id: int) -> bool:
    """Send one owed mail, exactly once: the row is locked (rows locked by another sender are
    skipped) and marked sent in the same transaction. A refusal or an absent server is
    recorded with the time of the next try. Returns whether it was sent now."""
    from django.utils import timezone

    from .constants import MailStatus
    from .models import Notificatie, Uitgaandemail

    with transaction.atomic():
        mail = (
            Uitgaandemail.objects.select_for_update(skip_locked=True)
            .filter(pk=mail_id, status=MailStatus.WACHTEN)
            .first()
        )
        if mail is None:
            return False
        nu = timezone.now()
        mail.pogingen += 1
        try:
            _mail(
                mail.adres,
                mail.onderwerp,
                mail.tekst,
                [
                    (b["naam"], base64.b64decode(b["inhoud"]), b["mime"])
                    for b in mail.bijlagen or []
                ],
            )
        except Exception as fout:  # noqa: BLE001 - every failure is tried again later
            mail.laatste_fout = f"{type(fout).__name__}: {fout}"[:2000]
            if mail.pogingen > len(settings.MAIL_WACHTTIJDEN):
                mail.status = MailStatus.OPGEGEVEN
                log.error("Mail %s given up after %s tries: %s", mail.pk, mail.pogingen, fout)
            else:
                mail.volgende_poging = nu + wachttijd(mail.pogingen)
                log.warning(
                    "Mail %s not sent (try %s), next try at %s: %s",
                    mail.pk,
                    mail.pogingen,
                    mail.volgende_poging.isoformat(),
                    fout,
                )
            mail.save(update_fields=["pogingen", "laatste_fout", "status", "volgende_poging"])
            return False
        mail.status = MailStatus.VERZONDEN
        mail.verzonden_op = nu
        mail.laatste_fout = ""
        mail.save(update_fields=["pogingen", "laatste_fout", "status", "verzonden_op"])
        if mail.notificatie_id:
            Notificatie.objects.filter(pk=mail.notificatie_id, gemaild_op__isnull=True).update(
                gemaild_op=nu
            )
    return True


def mails_nalopen(*, limiet: int = 200) -> int:
    """The sweep (beat, every minute): send owed mails whose next try is due; forget sent
    mails after ``MAIL_BEWAREN_DAGEN`` days. Returns how many were sent now."""
    from django.utils import timezone

    from .constants import MailStatus
    from .models import Uitgaandemail

    nu = timezone.now()
    Uitgaandemail.objects.filter(
        status=MailStatus.VERZONDEN, verzonden_op__lt=nu - timedelta(days=MAIL_BEWAREN_DAGEN)
    ).delete()
    ids = list(
        Uitgaandemail.objects.filter(status=MailStatus.WACHTEN, volgende_poging__lte=nu)
        .order_by("volgende_poging", "pk")
        .values_list("pk", flat=True)[:limiet]
    )
    return sum(1 for mail_id in ids if mail_versturen_nu(mail_id))


def mails_overzicht() -> dict[str, int]:
    """For the metrics: mails owed (waiting), and mails given up."""
    from .constants import MailStatus
    from .models import Uitgaandemail

    return {
        "verschuldigd": Uitgaandemail.objects.filter(status=MailStatus.WACHTEN).count(),
        "opgegeven": Uitgaandemail.objects.filter(status=MailStatus.OPGEGEVEN).count(),
    }


def _mail(
    adres: str, onderwerp: str, tekst: str, bijlagen: list[tuple[str, bytes, str]] | None = None
) -> None:
    from django.core.mail import EmailMessage

    bericht = EmailMessage(subject=onderwerp, body=tekst, to=[adres])
    for naam, inhoud, mime in bijlagen or []:
        bericht.attach(naam, inhoud, mime)
    bericht.send(fail_silently=False)
