"""Reactions on public pages: placing, confirming, reporting and hiding one."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbesteden.constants import OVERGEDRAGEN, Rol
from aanbesteden.models import Traject, User
from aanbesteden.permissions import heeft_rol
from aanbesteden.tokens import token_hash
from meldingen.berichten import absolute_url, bericht_versturen, mail_aan_adres, op_een_regel
from meldingen.constants import NotificatieSoort

from .. import selectors
from ..constants import ReactiePlek
from ..models import Reactie, ReactieMelding
from .fouten import IntakeFout


# --- reactions on public pages --------------------------------------------------------------
def _reageren_kan(traject: Traject, plek: str) -> bool:
    if plek == ReactiePlek.VOORSTEL:
        return selectors.openbare_voorstellen().filter(traject=traject).exists()
    return traject.status in OVERGEDRAGEN


def _initiatief_inlichten(reactie: Reactie, sjabloon: str) -> None:
    """Tell the initiative through its own notification preferences (kind ``reactie``)."""
    traject = reactie.traject
    bericht_versturen(
        ontvangers=selectors.initiatiefnemers(traject=traject),
        soort=NotificatieSoort.REACTIE,
        sjabloon=sjabloon,
        context={
            "titel": op_een_regel(traject.titel),
            "reden": op_een_regel(reactie.verborgen_reden),
        },
        traject=traject,
        url=reactie.pagina,
    )


@transaction.atomic
def reactie_plaatsen(
    *,
    traject: Traject,
    plek: str,
    tekst: str,
    pagina: str,
    door: User | None = None,
    naam: str = "",
    email: str = "",
    antwoord_op: Reactie | None = None,
) -> Reactie:
    """A reaction on a public page. Logged in, it shows at once (and an initiative member's
    counts as the initiative's); without logging in, it shows once the address confirms it
    with the link we mail. Only the initiative answers a reaction. The initiative is told of
    every reaction that is not its own."""
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    if not _reageren_kan(traject, plek):
        raise IntakeFout(_("Op deze pagina kunt u (nu) niet reageren."))
    ingelogd = door is not None and door.is_authenticated
    van_initiatief = ingelogd and heeft_rol(door, traject, Rol.INITIATIEFNEMER)
    if antwoord_op is not None:
        if not van_initiatief:
            raise IntakeFout(_("Alleen het initiatief kan een reactie beantwoorden."))
        if (
            antwoord_op.traject_id != traject.pk
            or antwoord_op.plek != plek
            or antwoord_op.antwoord_op_id is not None
            or antwoord_op.bevestigd_op is None
        ):
            raise IntakeFout(_("Deze reactie kunt u niet beantwoorden."))
    reactie = Reactie(
        traject=traject,
        plek=plek,
        antwoord_op=antwoord_op,
        tekst=tekst.strip(),
        naam=naam.strip(),
        pagina=pagina,
    )
    if ingelogd:
        reactie.gebruiker = door
        reactie.van_initiatief = van_initiatief
        reactie.bevestigd_op = timezone.now()
        reactie.save()
        if not van_initiatief:
            _initiatief_inlichten(reactie, "initiatieven/mail/reactie_nieuw")
        return reactie
    token = secrets.token_urlsafe(32)
    reactie.email = email.strip().lower()
    reactie.token_hash = token_hash(token)
    reactie.save()
    link = absolute_url(reverse("initiatieven:reactie_bevestigen", kwargs={"token": token}))
    mail_aan_adres(
        adres=reactie.email,
        sjabloon="initiatieven/mail/reactie_bevestigen",
        context={"link": link, "titel": op_een_regel(traject.titel)},
    )
    return reactie


@transaction.atomic
def reactie_bevestigen(*, token: str) -> Reactie | None:
    """The address confirms its reaction: it shows from now on; the same link again changes
    nothing."""
    reactie = (
        Reactie.objects.select_for_update()
        .select_related("traject")
        .filter(token_hash=token_hash(token or ""))
        .first()
    )
    if reactie is None:
        return None
    if reactie.bevestigd_op is None:
        reactie.bevestigd_op = timezone.now()
        reactie.save(update_fields=["bevestigd_op"])
        _initiatief_inlichten(reactie, "initiatieven/mail/reactie_nieuw")
    return reactie


@transaction.atomic
def reactie_melden(*, reactie: Reactie, reden: str) -> ReactieMelding:
    """Anyone reports a reaction to the gemeente, which sees it on its list of reactions."""
    return ReactieMelding.objects.create(reactie=reactie, reden=reden.strip())


@transaction.atomic
def reactie_verbergen(*, reactie: Reactie, door: User, reden: str) -> Reactie:
    """The gemeente hides a reaction; everyone reads that it did and why, and the initiative
    is told."""
    reactie = Reactie.objects.select_for_update().select_related("traject").get(pk=reactie.pk)
    if not heeft_rol(door, reactie.traject, Rol.AMBTENAAR):
        raise IntakeFout(_("Alleen de gemeente kan een reactie verbergen."))
    if reactie.verborgen_op is None:
        reactie.verborgen_op = timezone.now()
        reactie.verborgen_door = door
        reactie.verborgen_reden = reden.strip()
        reactie.save(update_fields=["verborgen_op", "verborgen_door", "verborgen_reden"])
        _initiatief_inlichten(reactie, "initiatieven/mail/reactie_verborgen")
    return reactie
