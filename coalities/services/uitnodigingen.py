"""Invitations to the coalition (phase 2): inviting, sending again, withdrawing, and the
invitee's answer: accepting, declining or asking a question first."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from aanbesteden.constants import Rol, TrajectStatus
from aanbesteden.models import Traject, User
from aanbesteden.permissions import heeft_rol, rol_toekennen
from aanbesteden.tokens import token_hash
from accounts.services import gebruiker_voor_email
from meldingen.berichten import (
    absolute_url,
    bericht_versturen,
    geciteerd,
    mail_aan_adres,
    op_een_regel,
)
from meldingen.constants import NotificatieSoort

from ..constants import UITNODIGING_GELDIG_DAGEN, PartnerStatus, UitnodigingStatus
from ..models import (
    Partner,
    Uitnodiging,
)
from .fouten import CoalitieFout


def uitnodiging_geldigheid() -> timedelta:
    return timedelta(days=getattr(settings, "UITNODIGING_GELDIG_DAGEN", UITNODIGING_GELDIG_DAGEN))


def uitnodiging_link(token: str) -> str:
    return absolute_url(reverse("coalities:uitnodiging", kwargs={"token": token}))


def _vereis_coalitiefase(traject: Traject, bericht: str | None = None) -> None:
    if traject.status != TrajectStatus.COALITIE:
        raise CoalitieFout(
            bericht or _("Uitnodigen kan alleen in de fase Vitale coalities."), status=409
        )


def _uitnodiging_maken(
    *,
    traject: Traject,
    door: User | None,
    email: str,
    naam: str,
    organisatie: str,
    bericht: str,
    rol: str = "",
) -> tuple[Uitnodiging, str]:
    token = secrets.token_urlsafe(32)
    nu = timezone.now()
    uitnodiging = Uitnodiging.objects.create(
        traject=traject,
        email=email,
        naam=naam,
        organisatie=organisatie,
        bericht=bericht,
        rol=rol,
        token_hash=token_hash(token),
        verloopt_op=nu + uitnodiging_geldigheid(),
        uitgenodigd_door=door,
        verzonden_op=nu,
    )
    return uitnodiging, token


def uitnodiger(uitnodiging: Uitnodiging) -> dict[str, str]:
    """Who invites, as the invitee reads it: the person's name (never an e-mail address) and
    whom they invite for: the initiative, or the gemeente when an official invites."""
    from initiatieven.selectors import voorstel_van

    traject = uitnodiging.traject
    door = uitnodiging.uitgenodigd_door
    voorstel = voorstel_van(traject=traject)
    initiatief = voorstel.initiatief.naam if voorstel is not None else ""
    if door is not None and heeft_rol(door, traject, Rol.AMBTENAAR):
        namens = _("de gemeente %(gemeente)s") % {"gemeente": traject.gemeente.naam}
    else:
        namens = initiatief
    return {
        "persoon": op_een_regel(door.naam) if door is not None else "",
        "namens": op_een_regel(namens),
        "initiatief": op_een_regel(initiatief),
    }


def _uitnodiging_mailen(*, uitnodiging: Uitnodiging, token: str, door: User | None) -> None:
    """Mail the link to the invitee, who has no account yet: in the inviter's language."""
    # What the inviter typed is quoted in the mail as theirs, never as the platform's words.
    wie = uitnodiger(uitnodiging)
    context = {
        "uitnodiging": uitnodiging,
        "traject": uitnodiging.traject,
        "titel": op_een_regel(uitnodiging.traject.titel),
        "door": wie["persoon"],
        "namens": wie["namens"],
        "rol": uitnodiging.get_rol_display() if uitnodiging.rol else "",
        "naam": op_een_regel(uitnodiging.naam),
        "bericht": geciteerd(uitnodiging.bericht),
        "link": uitnodiging_link(token),
    }
    mail_aan_adres(adres=uitnodiging.email, sjabloon="coalities/mail/uitnodiging", context=context)


def _adres_controleren(*, traject: Traject, email: str) -> None:
    bestaand = User.objects.filter(email__iexact=email).first()
    if bestaand is not None:
        if heeft_rol(bestaand, traject, Rol.AMBTENAAR, Rol.INITIATIEFNEMER):
            raise CoalitieFout(
                _("Dit adres hoort al bij de gemeente of het initiatief van dit traject.")
            )
        if Partner.objects.filter(
            traject=traject, gebruiker=bestaand, status=PartnerStatus.BEVESTIGD
        ).exists():
            raise CoalitieFout(_("Dit adres hoort al bij een partner in deze coalitie."))
    if Uitnodiging.objects.filter(
        traject=traject, email__iexact=email, status=UitnodigingStatus.OPEN
    ).exists():
        raise CoalitieFout(
            _(
                "Dit adres heeft al een openstaande uitnodiging. Verstuur die opnieuw of trek "
                "hem in."
            )
        )


@transaction.atomic
def uitnodiging_versturen(
    *,
    traject: Traject,
    door: User,
    email: str,
    naam: str = "",
    organisatie: str = "",
    bericht: str = "",
    rol: str = "",
) -> Uitnodiging:
    """Invite ``email`` to the coalition: a one-time link that expires, mailed after commit.
    ``rol``: the role asked (or empty)."""
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    _vereis_coalitiefase(traject)
    email = User.objects.normalize_email(email).strip().lower()
    _adres_controleren(traject=traject, email=email)
    try:
        with transaction.atomic():
            uitnodiging, token = _uitnodiging_maken(
                traject=traject,
                door=door,
                email=email,
                naam=naam.strip(),
                organisatie=organisatie.strip(),
                bericht=bericht.strip(),
                rol=rol,
            )
    except IntegrityError as exc:  # a double submit at the same moment
        raise CoalitieFout(_("Dit adres heeft al een openstaande uitnodiging.")) from exc
    _uitnodiging_mailen(uitnodiging=uitnodiging, token=token, door=door)
    return uitnodiging


def _open_uitnodiging(uitnodiging: Uitnodiging) -> Uitnodiging:
    actueel = (
        Uitnodiging.objects.select_for_update().select_related("traject").get(pk=uitnodiging.pk)
    )
    if actueel.status != UitnodigingStatus.OPEN:
        raise CoalitieFout(_("Deze uitnodiging is al beantwoord of ingetrokken."), status=409)
    return actueel


@transaction.atomic
def uitnodiging_opnieuw_versturen(*, uitnodiging: Uitnodiging, door: User) -> Uitnodiging:
    """A new link (the old one stops working) with a new expiry date."""
    uitnodiging = _open_uitnodiging(uitnodiging)
    _vereis_coalitiefase(uitnodiging.traject)
    token = secrets.token_urlsafe(32)
    nu = timezone.now()
    uitnodiging.token_hash = token_hash(token)
    uitnodiging.verloopt_op = nu + uitnodiging_geldigheid()
    uitnodiging.verzonden_op = nu
    uitnodiging.keer_verzonden += 1
    uitnodiging.save(update_fields=["token_hash", "verloopt_op", "verzonden_op", "keer_verzonden"])
    _uitnodiging_mailen(uitnodiging=uitnodiging, token=token, door=door)
    return uitnodiging


@transaction.atomic
def uitnodiging_intrekken(*, uitnodiging: Uitnodiging, door: User) -> Uitnodiging:
    uitnodiging = _open_uitnodiging(uitnodiging)
    _vereis_coalitiefase(
        uitnodiging.traject,
        _("Een uitnodiging intrekken kan alleen in de fase Vitale coalities."),
    )
    uitnodiging.status = UitnodigingStatus.INGETROKKEN
    uitnodiging.beantwoord_op = timezone.now()
    uitnodiging.save(update_fields=["status", "beantwoord_op"])
    return uitnodiging


def uitnodiging_bij_token(token: str, *, lock: bool = False) -> Uitnodiging | None:
    if not token or len(token) > 200:
        return None
    qs = Uitnodiging.objects.select_related("traject", "traject__gemeente", "uitgenodigd_door")
    if lock:
        qs = qs.select_for_update(of=("self",))
    return qs.filter(token_hash=token_hash(token)).first()


def uitnodiging_bruikbaar(uitnodiging: Uitnodiging | None) -> str:
    """Why a link cannot be used (a code for the page), or ``""`` when it can."""
    if uitnodiging is None:
        return "onbekend"
    if uitnodiging.status == UitnodigingStatus.INGETROKKEN:
        return "ingetrokken"
    if uitnodiging.status != UitnodigingStatus.OPEN:
        return "gebruikt"
    if uitnodiging.verlopen:
        return "verlopen"
    if uitnodiging.traject.status != TrajectStatus.COALITIE:
        return "gesloten"
    return ""


def _betrokken_bij_uitnodiging(uitnodiging: Uitnodiging) -> list[User]:
    from initiatieven.selectors import initiatief_vertegenwoordiger

    ontvangers = []
    if uitnodiging.uitgenodigd_door and uitnodiging.uitgenodigd_door.is_active:
        ontvangers.append(uitnodiging.uitgenodigd_door)
    vertegenwoordiger = initiatief_vertegenwoordiger(traject=uitnodiging.traject)
    if vertegenwoordiger is not None:
        ontvangers.append(vertegenwoordiger)
    return ontvangers


@transaction.atomic
def uitnodiging_accepteren(
    *,
    token: str,
    organisatie: str,
    contactpersoon: str,
    rol: str,
    soort: str = "organisatie",
    rechtsvorm: str = "",
    kvk_nummer: str = "",
    telefoon: str = "",
    publiceren: bool = False,
    taal: str = "",
) -> Partner:
    """Accept: the invitee gets an account (without a password) and the partner role on this
    traject only. Raises ``CoalitieFout`` (status 410) when the link cannot be used."""
    uitnodiging = uitnodiging_bij_token(token, lock=True)
    reden = uitnodiging_bruikbaar(uitnodiging)
    if reden:
        raise CoalitieFout(_("Deze uitnodiging kan niet meer worden gebruikt."), status=410)
    traject = uitnodiging.traject
    gebruiker = gebruiker_voor_email(
        email=uitnodiging.email, naam=contactpersoon, taal=taal or translation.get_language()
    )
    if not gebruiker.is_active:
        raise CoalitieFout(_("Dit account is niet actief."), status=403)
    if Partner.objects.filter(
        traject=traject, gebruiker=gebruiker, status=PartnerStatus.BEVESTIGD
    ).exists():
        raise CoalitieFout(_("U bent al partner in deze coalitie."), status=409)
    partner = Partner(
        traject=traject,
        gebruiker=gebruiker,
        uitnodiging=uitnodiging,
        soort=soort,
        organisatie=organisatie.strip(),
        rechtsvorm=rechtsvorm.strip(),
        kvk_nummer=kvk_nummer.strip(),
        contactpersoon=contactpersoon.strip(),
        telefoon=telefoon.strip(),
        rol=rol,
        publiceren=publiceren,
    )
    try:
        partner.full_clean(exclude=["gebruiker", "uitnodiging", "traject"])
    except ValidationError as exc:
        raise CoalitieFout(" ".join(exc.messages)) from exc
    partner.save()
    uitnodiging.status = UitnodigingStatus.GEACCEPTEERD
    uitnodiging.beantwoord_op = timezone.now()
    uitnodiging.save(update_fields=["status", "beantwoord_op"])
    rol_toekennen(traject=traject, user=gebruiker, rol=Rol.PARTNER)
    bericht_versturen(
        ontvangers=_betrokken_bij_uitnodiging(uitnodiging),
        soort=NotificatieSoort.COALITIE,
        sjabloon="coalities/mail/geaccepteerd",
        context={"traject": traject, "partner": partner},
        traject=traject,
        url=reverse("coalities:coalitie", kwargs={"pk": traject.pk}),
    )
    return partner


@transaction.atomic
def uitnodiging_afwijzen(*, token: str, reden: str = "") -> Uitnodiging:
    """Decline, with a reason if the invitee gives one; who invited and the initiative hear
    it once."""
    uitnodiging = uitnodiging_bij_token(token, lock=True)
    if uitnodiging_bruikbaar(uitnodiging):
        raise CoalitieFout(_("Deze uitnodiging kan niet meer worden gebruikt."), status=410)
    uitnodiging.status = UitnodigingStatus.AFGEWEZEN
    uitnodiging.afwijsreden = reden.strip()[:2000]
    uitnodiging.beantwoord_op = timezone.now()
    uitnodiging.save(update_fields=["status", "afwijsreden", "beantwoord_op"])
    bericht_versturen(
        ontvangers=_betrokken_bij_uitnodiging(uitnodiging),
        soort=NotificatieSoort.COALITIE,
        sjabloon="coalities/mail/afgewezen",
        context={
            "traject": uitnodiging.traject,
            "uitnodiging": uitnodiging,
            "wie": op_een_regel(uitnodiging.organisatie or uitnodiging.naam or uitnodiging.email),
            "reden": geciteerd(uitnodiging.afwijsreden) if uitnodiging.afwijsreden else "",
        },
        traject=uitnodiging.traject,
        url=reverse("coalities:coalitie", kwargs={"pk": uitnodiging.traject_id}),
    )
    return uitnodiging


@transaction.atomic
def uitnodiging_vraag_stellen(*, token: str, vraag: str) -> Uitnodiging:
    """The invitee asks a question before answering: who invited and the initiative get it,
    with the address to answer to. The invitation stays open."""
    uitnodiging = uitnodiging_bij_token(token)
    if uitnodiging_bruikbaar(uitnodiging):
        raise CoalitieFout(_("Deze uitnodiging kan niet meer worden gebruikt."), status=410)
    vraag = vraag.strip()
    if not vraag:
        raise CoalitieFout(_("Typ uw vraag."))
    bericht_versturen(
        ontvangers=_betrokken_bij_uitnodiging(uitnodiging),
        soort=NotificatieSoort.COALITIE,
        sjabloon="coalities/mail/vraag",
        context={
            "traject": uitnodiging.traject,
            "uitnodiging": uitnodiging,
            "wie": op_een_regel(uitnodiging.naam or uitnodiging.organisatie or uitnodiging.email),
            "vraag": geciteerd(vraag[:2000]),
        },
        traject=uitnodiging.traject,
        url=reverse("coalities:coalitie", kwargs={"pk": uitnodiging.traject_id}),
    )
    return uitnodiging
