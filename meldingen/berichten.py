"""Messages to users: every mail is also an in-app notification, written in the recipient's
language from a pair of templates ``<sjabloon>_onderwerp.txt`` and ``<sjabloon>.txt``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

if TYPE_CHECKING:
    from aanbesteden.models import Traject, User


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
    """Mail somebody who has no account (yet), such as an invitee or a supporter, after the
    transaction commits; in ``taal``, or else the language the sender is using now."""
    taal = taal or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(taal):
        onderwerp, tekst = opmaken(sjabloon, {**context, "site_url": settings.SITE_URL})
    transaction.on_commit(partial(_mail, adres, onderwerp, tekst))


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
    """Write one notification per recipient now and mail them after the transaction commits.

    ``alleen_mail`` is for messages that must not be kept in the list, such as log-in links.
    Returns the ids of the notifications written.
    """
    from .models import Notificatie
    from .tasks import notificatie_mailen

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
            _mail(ontvanger.email, onderwerp, tekst, bijlagen)
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
    for nid in ids:
        if bijlagen:
            # Attachments are not carried through the broker: mail them from this process.
            transaction.on_commit(partial(notificatie_mailen_nu, nid, bijlagen=bijlagen))
        else:
            transaction.on_commit(partial(notificatie_mailen.delay, nid))
    return ids


def notificatie_mailen_nu(
    notificatie_id: int, *, bijlagen: list[tuple[str, bytes, str]] | None = None
) -> bool:
    """Mail one notification unless it was mailed already. Returns whether it was sent now."""
    from django.utils import timezone

    from .models import Notificatie

    with transaction.atomic():
        notificatie = (
            Notificatie.objects.select_for_update()
            .select_related("ontvanger")
            .filter(pk=notificatie_id, gemaild_op__isnull=True)
            .first()
        )
        if notificatie is None:
            return False
        # The recipient's choice per kind: at once, in the daily digest, or no mail.
        from .selectors import meteen_mailen

        if not meteen_mailen(notificatie=notificatie, met_bijlagen=bool(bijlagen)):
            return False
        _mail(notificatie.ontvanger.email, notificatie.onderwerp, notificatie.tekst, bijlagen)
        notificatie.gemaild_op = timezone.now()
        notificatie.save(update_fields=["gemaild_op"])
    return True


def _mail(
    adres: str, onderwerp: str, tekst: str, bijlagen: list[tuple[str, bytes, str]] | None = None
) -> None:
    from django.core.mail import EmailMessage

    bericht = EmailMessage(subject=onderwerp, body=tekst, to=[adres])
    for naam, inhoud, mime in bijlagen or []:
        bericht.attach(naam, inhoud, mime)
    bericht.send(fail_silently=False)
