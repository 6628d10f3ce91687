"""Writes of proposals: starting one, the proposal of a traject, saving, attachments,
publishing it on the gemeente's page, and what follows its submission."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from aanbesteden.constants import Rol, TrajectStatus
from aanbesteden.models import Gemeente, Traject, User
from aanbesteden.permissions import heeft_rol
from aanbesteden.selectors import lidmaatschap_van
from aanbesteden.services import traject_aanmaken
from accounts.services import gebruiker_voor_email, inloglink_versturen
from meldingen.berichten import bericht_versturen
from meldingen.constants import NotificatieSoort

from .. import selectors
from ..bestandscontrole import TOEGESTAAN, bestand_info, download_naam
from ..constants import VoorstelSoort
from ..models import Bijlage, Initiatief, Opgave, Voorstel
from .fouten import IntakeFout

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile


# --- voorstellen ----------------------------------------------------------------------------
@transaction.atomic
def voorstel_starten(
    *,
    gemeente: Gemeente,
    titel: str,
    initiatief_naam: str,
    email: str = "",
    opgave: Opgave | None = None,
    taak: str = "",
    gebruiker: User | None = None,
) -> Voorstel | None:
    """Start a draft proposal: an account for ``email`` (without password) when there is no
    logged-in ``gebruiker``, a traject with that user as initiative, the proposal, and a
    one-time log-in link to the edit page.

    Anybody can type any address, so an address of an official of ``gemeente`` never makes
    that official the initiative of a traject in their own gemeente: nothing is made (None),
    and the official gets a mail that explains what happened. The visitor sees the usual page.
    """
    if opgave is not None:
        opgave = Opgave.objects.select_for_update().get(pk=opgave.pk)
        if opgave.gemeente_id != gemeente.pk or not opgave.is_open:
            raise IntakeFout(_("Deze opgave neemt geen voorstellen meer aan."))
    elif not taak.strip():
        raise IntakeFout(_("Schrijf welke taak van de gemeente u wilt overnemen."))
    user = gebruiker or gebruiker_voor_email(email=email, taal=translation.get_language() or "")
    if gebruiker is None and lidmaatschap_van(user=user, gemeente=gemeente) is not None:
        _ambtenaar_melden(ambtenaar=user, gemeente=gemeente, opgave=opgave)
        return None
    # A double submit of the start form (or a second try soon after) reuses the fresh draft.
    bestaand = (
        Voorstel.objects.filter(
            initiatief__leden=user,
            opgave=opgave,
            traject__gemeente=gemeente,
            traject__titel=titel,
            traject__status="concept",
            created_at__gte=timezone.now() - timedelta(minutes=30),
        )
        .select_related("traject")
        .first()
    )
    if bestaand is not None:
        if gebruiker is None:
            inloglink_versturen(
                email=user.email,
                volgende=reverse(
                    "initiatieven:voorstel_wijzigen", kwargs={"pk": bestaand.traject_id}
                ),
                maak_aan=True,
            )
        return bestaand
    traject = traject_aanmaken(
        gemeente=gemeente,
        titel=titel,
        initiatiefnemer=user,
        thema=opgave.thema if opgave else "",
        wijk=opgave.wijk if opgave else "",
    )
    initiatief = Initiatief.objects.create(naam=initiatief_naam, rechtsvorm="", email=user.email)
    initiatief.leden.add(user)
    voorstel = Voorstel.objects.create(
        traject=traject,
        initiatief=initiatief,
        soort=VoorstelSoort.OPGAVE if opgave else VoorstelSoort.UITDAAGRECHT,
        opgave=opgave,
        taak="" if opgave else taak.strip(),
        huidige_kosten=opgave.huidige_kosten if opgave else None,
    )
    if gebruiker is None:
        inloglink_versturen(
            email=user.email,
            volgende=reverse("initiatieven:voorstel_wijzigen", kwargs={"pk": traject.pk}),
            maak_aan=True,
        )
    return voorstel


def _ambtenaar_melden(*, ambtenaar: User, gemeente: Gemeente, opgave: Opgave | None) -> None:
    """Tell an official that somebody tried to start a proposal in their gemeente with their
    address, and that nothing was made."""
    context = {"gemeente": gemeente.naam, "opgave": opgave.titel if opgave else ""}
    # Recorded in the mail outbox in this transaction; sent after the commit.
    bericht_versturen(
        ontvangers=[ambtenaar],
        soort=NotificatieSoort.VOORSTEL,
        sjabloon="initiatieven/mail/voorstel_met_adres_ambtenaar",
        context=context,
        alleen_mail=True,
    )


@transaction.atomic
def voorstel_bij_traject(*, traject: Traject, door: User) -> Voorstel:
    """A draft proposal (challenge) for a draft traject that has none yet, for example one
    made by a platform manager; the traject's title is the task."""
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    if traject.status != "concept":
        raise IntakeFout(_("Dit voorstel is al ingediend en kan niet meer worden gewijzigd."))
    bestaand = Voorstel.objects.filter(traject=traject).first()
    if bestaand is not None:
        return bestaand
    initiatief = Initiatief.objects.create(naam=traject.titel, rechtsvorm="", email=door.email)
    initiatief.leden.add(door)
    return Voorstel.objects.create(
        traject=traject,
        initiatief=initiatief,
        soort=VoorstelSoort.UITDAAGRECHT,
        taak=traject.titel,
        omschrijving=traject.samenvatting,
    )


def _vergrendeld_concept(voorstel: Voorstel) -> Voorstel:
    voorstel = Voorstel.objects.select_related("traject", "initiatief").get(pk=voorstel.pk)
    traject = Traject.objects.select_for_update().get(pk=voorstel.traject_id)
    if traject.status != "concept":
        raise IntakeFout(_("Dit voorstel is al ingediend en kan niet meer worden gewijzigd."))
    return voorstel


@transaction.atomic
def voorstel_opslaan(*, voorstel: Voorstel, door: User, voorstel_form, initiatief_form, formset):
    """Save the draft: the proposal, its initiative and contact persons, all or nothing.

    The forms are validated by the caller; they are bound to ``voorstel`` and its initiative.
    """
    _vergrendeld_concept(voorstel)
    voorstel = voorstel_form.save()
    initiatief_form.save()
    formset.save()
    Traject.objects.filter(pk=voorstel.traject_id).update(updated_at=timezone.now())
    return voorstel


@transaction.atomic
def bijlage_toevoegen(
    *, voorstel: Voorstel, door: User, bestand: UploadedFile, mime: str, soort: str
) -> Bijlage:
    """Store an attachment whose kind was checked by content (``bestandscontrole``)."""
    _vergrendeld_concept(voorstel)
    info = bestand_info(bestand, mime)
    # The name the person gave, with the extension of the kind the content shows.
    naam = download_naam(getattr(bestand, "name", "") or "", info.mime)
    bijlage = Bijlage(
        voorstel=voorstel,
        soort=soort,
        naam=naam,
        mime=info.mime,
        grootte=info.grootte,
        sha256=info.sha256,
        geupload_door=door,
    )
    # The stored name is neutral; the given name is only shown and used on download.
    bijlage.bestand.save(
        f"{secrets.token_hex(8)}.{TOEGESTAAN[info.mime]}", ContentFile(bestand.read()), save=False
    )
    bijlage.save()
    return bijlage


@transaction.atomic
def bijlage_verwijderen(*, bijlage: Bijlage, door: User) -> None:
    _vergrendeld_concept(bijlage.voorstel)
    bestand = bijlage.bestand
    bijlage.delete()
    transaction.on_commit(lambda: bestand.delete(save=False))


@transaction.atomic
def voorstel_openbaar_zetten(*, voorstel: Voorstel, door: User, openbaar: bool) -> Voorstel:
    """The initiative publishes its proposal, or takes it off the public pages again.

    Only the proposal, the initiative's name (when it allows it) and the support count are
    public; contact persons never are. A withdrawn proposal cannot be published.
    """
    traject = Traject.objects.select_for_update().get(pk=voorstel.traject_id)
    if not heeft_rol(door, traject, Rol.INITIATIEFNEMER):
        raise IntakeFout(_("Alleen het initiatief kan het voorstel openbaar maken."))
    if openbaar and traject.status == TrajectStatus.INGETROKKEN:
        raise IntakeFout(_("Een ingetrokken voorstel kan niet openbaar worden."))
    voorstel = Voorstel.objects.select_for_update().get(pk=voorstel.pk)
    if voorstel.openbaar != openbaar:
        voorstel.openbaar = openbaar
        voorstel.openbaar_sinds = timezone.now() if openbaar else None
        voorstel.save(update_fields=["openbaar", "openbaar_sinds", "updated_at"])
    voorstel.traject = traject
    return voorstel


def voorstel_ingediend(*, traject: Traject) -> Voorstel:
    """Follow-up of ``indienen``: fix the submission date and the decision term."""
    voorstel = Voorstel.objects.select_for_update().get(traject=traject)
    nu = timezone.now()
    voorstel.ingediend_op = nu
    voorstel.beslissen_voor = timezone.localdate(nu) + timedelta(
        weeks=traject.gemeente.beslistermijn_weken
    )
    voorstel.save(update_fields=["ingediend_op", "beslissen_voor", "updated_at"])
    bericht_versturen(
        ontvangers=selectors.betrokkenen(traject=traject),
        soort=NotificatieSoort.VOORSTEL,
        sjabloon="initiatieven/mail/voorstel_ingediend",
        context={"traject": traject, "voorstel": voorstel},
        traject=traject,
        url=reverse("initiatieven:voorstel", kwargs={"pk": traject.pk}),
    )
    return voorstel
