"""Support for a proposal: asked by the initiative, given on the public page, confirmed
and withdrawn by the link in the mail."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbesteden.models import User
from aanbesteden.tokens import token_hash
from meldingen.berichten import absolute_url, mail_aan_adres, op_een_regel

from .. import selectors
from ..models import Steunbetuiging, Voorstel
from .fouten import IntakeFout
from .voorstellen import _vergrendeld_concept


@transaction.atomic
def steun_vragen(*, voorstel: Voorstel, door: User, naam: str, email: str) -> Steunbetuiging:
    """Ask a supporter to confirm by e-mail link. One address counts once: asking again sends
    a fresh link to the same supporter."""
    _vergrendeld_concept(voorstel)
    email = email.strip().lower()
    token = secrets.token_urlsafe(32)
    steun = Steunbetuiging.objects.filter(voorstel=voorstel, email=email).first()
    if steun is None:
        steun = Steunbetuiging(voorstel=voorstel, email=email)
    steun.naam = naam
    steun.token_hash = token_hash(token)
    steun.save()
    link = absolute_url(reverse("initiatieven:steun_bevestigen", kwargs={"token": token}))
    # The names and the title are the initiative's words: the mail quotes them as theirs.
    context = {
        "naam": op_een_regel(naam),
        "link": link,
        "initiatief": op_een_regel(voorstel.initiatief.naam),
        "titel": op_een_regel(voorstel.traject.titel),
        "gemeente": voorstel.traject.gemeente.naam,
    }
    mail_aan_adres(adres=email, sjabloon="initiatieven/mail/steun_gevraagd", context=context)
    return steun


@transaction.atomic
def openbare_steun_geven(
    *,
    voorstel: Voorstel,
    email: str,
    naam: str = "",
    naam_openbaar: bool = False,
    postcode: str = "",
) -> None:
    """Anyone supports a published proposal: the support counts once the address confirms it
    with the link we mail. One address counts once; asking again mails a fresh link (also to
    withdraw). The answer is the same whether or not the address already supports it."""
    voorstel = (
        Voorstel.objects.select_for_update(of=("self",))
        .select_related("traject__gemeente", "initiatief")
        .get(pk=voorstel.pk)
    )
    if not selectors.openbare_voorstellen().filter(pk=voorstel.pk).exists():
        raise IntakeFout(_("Dit voorstel is niet (meer) openbaar."))
    gemeente = voorstel.traject.gemeente
    email = email.strip().lower()
    postcode = postcode.strip().upper().replace(" ", "")
    postcode = f"{postcode[:4]} {postcode[4:]}" if postcode else ""
    token = secrets.token_urlsafe(32)
    steun = Steunbetuiging.objects.filter(voorstel=voorstel, email=email).first()
    if steun is None:
        steun = Steunbetuiging(voorstel=voorstel, email=email, via_openbare_pagina=True)
    if steun.bevestigd_op is None or steun.via_openbare_pagina:
        steun.naam = naam.strip()
        steun.naam_openbaar = naam_openbaar and bool(steun.naam)
        steun.postcode = postcode
        gebieden = gemeente.steun_postcodegebieden
        steun.lokaal = (postcode[:4] in gebieden) if gebieden and postcode else None
    steun.token_hash = token_hash(token)
    steun.save()
    link = absolute_url(reverse("initiatieven:steun_bevestigen", kwargs={"token": token}))
    context = {
        "link": link,
        "titel": op_een_regel(voorstel.traject.titel),
        "gemeente": gemeente.naam,
        "al_bevestigd": steun.bevestigd_op is not None,
    }
    mail_aan_adres(adres=email, sjabloon="initiatieven/mail/steun_openbaar", context=context)


@transaction.atomic
def steun_intrekken(*, token: str) -> bool:
    """The supporter withdraws, with the link from the mail; the support no longer counts and
    its name, address and postcode are gone. False for an unknown link."""
    verwijderd, _per_model = Steunbetuiging.objects.filter(
        token_hash=token_hash(token or "")
    ).delete()
    return verwijderd > 0


@transaction.atomic
def steun_bevestigen(*, token: str) -> Steunbetuiging | None:
    """Confirm a support statement; the same link again changes nothing."""
    steun = (
        Steunbetuiging.objects.select_for_update(of=("self",))
        .select_related("voorstel__traject__gemeente", "voorstel__initiatief")
        .filter(token_hash=token_hash(token or ""))
        .first()
    )
    if steun is None:
        return None
    if steun.bevestigd_op is None:
        steun.bevestigd_op = timezone.now()
        steun.save(update_fields=["bevestigd_op"])
    return steun
