"""Writes of the intake and phase 1: calls, proposals, support, assessment, letter, horizon."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from aanbesteden.constants import OVERGEDRAGEN, Rol, TrajectStatus
from aanbesteden.fouten import Geweigerd
from aanbesteden.models import Gemeente, Traject, User
from aanbesteden.permissions import heeft_rol
from aanbesteden.selectors import lidmaatschap_van
from aanbesteden.services import traject_aanmaken, traject_transitie
from aanbesteden.tokens import token_hash
from accounts.services import gebruiker_voor_email, inloglink_versturen
from meldingen.berichten import (
    absolute_url,
    bericht_versturen,
    mail_aan_adres,
    op_een_regel,
)
from meldingen.constants import NotificatieSoort

from . import selectors
from .bestandscontrole import TOEGESTAAN, bestand_info, download_naam
from .constants import (
    STANDAARD_CRITERIA,
    Besluit,
    DocumentStatus,
    OpgaveStatus,
    ReactiePlek,
    VoorstelSoort,
)
from .models import (
    Beoordeling,
    Beoordelingscriterium,
    Besluitbrief,
    Bijlage,
    Criteriumscore,
    Horizon,
    HorizonVersie,
    Indicator,
    Initiatief,
    Opgave,
    Reactie,
    ReactieMelding,
    Steunbetuiging,
    Voorstel,
)

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

#: Weeks within which an objection (bezwaar) can be made against a decision (Awb art. 6:7).
BEZWAAR_WEKEN = 6


class IntakeFout(Geweigerd):
    """A step of the intake that may not happen now; ``str(exc)`` is the message for the user."""


# --- opgaven --------------------------------------------------------------------------------
@transaction.atomic
def opgave_opslaan(
    *, gemeente: Gemeente, door: User, velden: dict[str, Any], opgave: Opgave | None = None
) -> Opgave:
    """Create or change a call of ``gemeente``. A closed call no longer changes."""
    if opgave is None:
        opgave = Opgave(gemeente=gemeente, aangemaakt_door=door)
    else:
        opgave = Opgave.objects.select_for_update().get(pk=opgave.pk, gemeente=gemeente)
        if opgave.status == OpgaveStatus.GESLOTEN:
            raise IntakeFout(_("Een gesloten opgave kan niet meer worden gewijzigd."))
    for naam, waarde in velden.items():
        setattr(opgave, naam, waarde)
    opgave.full_clean()
    opgave.save()
    return opgave


@transaction.atomic
def opgave_publiceren(*, opgave: Opgave, door: User) -> Opgave:
    opgave = Opgave.objects.select_for_update().get(pk=opgave.pk)
    if opgave.status != OpgaveStatus.CONCEPT:
        raise IntakeFout(_("Alleen een concept kan worden gepubliceerd."))
    if opgave.deadline <= timezone.now():
        raise IntakeFout(_("De uiterste datum ligt in het verleden. Kies eerst een nieuwe datum."))
    opgave.status = OpgaveStatus.GEPUBLICEERD
    opgave.gepubliceerd_op = timezone.now()
    opgave.save(update_fields=["status", "gepubliceerd_op", "updated_at"])
    return opgave


@transaction.atomic
def opgave_sluiten(*, opgave: Opgave, door: User) -> Opgave:
    opgave = Opgave.objects.select_for_update().get(pk=opgave.pk)
    if opgave.status != OpgaveStatus.GEPUBLICEERD:
        raise IntakeFout(_("Alleen een gepubliceerde opgave kan worden gesloten."))
    opgave.status = OpgaveStatus.GESLOTEN
    opgave.save(update_fields=["status", "updated_at"])
    return opgave


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


# --- intake: criteria and assessment --------------------------------------------------------
@transaction.atomic
def standaardcriteria_aanmaken(*, gemeente: Gemeente) -> None:
    """Give the gemeente the usual list of criteria when it has none at all (a new gemeente:
    ``fasen.bij_nieuwe_gemeente``); the pages only read them
    (``selectors.criteria_voor_gemeente``)."""
    if not Beoordelingscriterium.objects.filter(gemeente=gemeente).exists():
        Gemeente.objects.select_for_update().filter(pk=gemeente.pk).first()
        if not Beoordelingscriterium.objects.filter(gemeente=gemeente).exists():
            with translation.override(settings.LANGUAGE_CODE):
                Beoordelingscriterium.objects.bulk_create(
                    Beoordelingscriterium(
                        gemeente=gemeente, code=code, titel=str(titel), volgorde=(i + 1) * 10
                    )
                    for i, (code, titel) in enumerate(STANDAARD_CRITERIA)
                )


@transaction.atomic
def criteria_opslaan(*, gemeente: Gemeente, door: User, formset) -> None:
    """Save the gemeente's criteria (a validated model formset bound to that gemeente)."""
    bestaand = set(
        Beoordelingscriterium.objects.filter(gemeente=gemeente).values_list("code", flat=True)
    )
    for criterium in formset.save(commit=False):
        criterium.gemeente = gemeente
        if not criterium.code:
            basis = slugify(criterium.titel)[:30] or "criterium"
            code, n = basis, 1
            while code in bestaand:
                n += 1
                code = f"{basis}-{n}"
            criterium.code = code
            bestaand.add(code)
        criterium.save()


@transaction.atomic
def beoordeling_opslaan(
    *,
    voorstel: Voorstel,
    door: User,
    samenvatting: str,
    scores: dict[int, tuple[str, str]],
) -> Beoordeling:
    """Save the assessment: per criterium id a (score, note); an empty score is left open."""
    traject = Traject.objects.select_for_update().get(pk=voorstel.traject_id)
    if traject.status != "ingediend":
        raise IntakeFout(
            _("Alleen een ingediend voorstel waarover nog niet is besloten kan worden beoordeeld.")
        )
    geldig = set(
        Beoordelingscriterium.objects.filter(gemeente_id=traject.gemeente_id).values_list(
            "pk", flat=True
        )
    )
    if set(scores) - geldig:
        raise IntakeFout(_("Een criterium hoort niet bij deze gemeente."))
    beoordeling, _nieuw = Beoordeling.objects.get_or_create(voorstel=voorstel)
    beoordeling.beoordelaar = door
    beoordeling.samenvatting = samenvatting
    beoordeling.save()
    for criterium_id, (score, toelichting) in scores.items():
        if score:
            Criteriumscore.objects.update_or_create(
                beoordeling=beoordeling,
                criterium_id=criterium_id,
                defaults={"score": score, "toelichting": toelichting},
            )
        else:
            Criteriumscore.objects.filter(
                beoordeling=beoordeling, criterium_id=criterium_id
            ).delete()
    return beoordeling


# --- the decision and its letter ------------------------------------------------------------
def besluit_vastleggen(*, traject: Traject, door: User, motivatie: str, besluit: str) -> None:
    """Follow-up of ``toelaten`` / ``afwijzen``: record the decision, schedule the letter and,
    when admitted, open the horizon."""
    voorstel = Voorstel.objects.select_for_update().get(traject=traject)
    nu = timezone.now()
    voorstel.besluit = besluit
    voorstel.besluit_motivatie = motivatie
    voorstel.besluit_op = nu
    voorstel.besloten_door = door
    voorstel.bezwaar_tot = timezone.localdate(nu) + timedelta(weeks=BEZWAAR_WEKEN)
    voorstel.save()
    brief, _nieuw = Besluitbrief.objects.get_or_create(voorstel=voorstel)
    if not _nieuw:
        brief.status = DocumentStatus.WACHTEN
        brief.fout = ""
        brief.save(update_fields=["status", "fout", "updated_at"])
    if besluit == Besluit.TOEGELATEN:
        Horizon.objects.get_or_create(traject=traject)
        concurrenten_melden(voorstel=voorstel)
    besluitbrief_inplannen(besluitbrief=brief)


def concurrenten_melden(*, voorstel: Voorstel, toegelaten: bool = True) -> int:
    """Another proposal on the call was admitted, or decided on while the call was closed:
    every competing initiative hears it once, with what it means for theirs (a draft on a
    closed call can no longer be submitted). Returns how many proposals were told."""
    andere = selectors.concurrerende_voorstellen(voorstel=voorstel)
    for ander in andere:
        bericht_versturen(
            ontvangers=selectors.initiatiefnemers(traject=ander.traject),
            soort=NotificatieSoort.VOORSTEL,
            sjabloon="initiatieven/mail/ander_voorstel_toegelaten",
            context={
                "traject": ander.traject,
                "opgave": ander.opgave,
                "toegelaten": toegelaten,
                "gesloten": ander.opgave.status == OpgaveStatus.GESLOTEN,
                "concept": ander.traject.status == TrajectStatus.CONCEPT,
            },
            traject=ander.traject,
            url=ander.traject.get_absolute_url(),
        )
    return len(andere)


@transaction.atomic
def besluiten_over_voorstel(
    *, traject: Traject, door: User, besluit: str, motivatie: str, sluiten: bool = False
) -> list[Voorstel]:
    """The official's decision on a submitted proposal (``toelaten`` or ``afwijzen``) and,
    when ``sluiten``, the call closed with it, in one transaction. The competing initiatives
    hear it once: of an admission always, of a refusal when it closed the call. Returns the
    competing proposals that still wait."""
    voorstel = Voorstel.objects.select_related("opgave").get(traject=traject)
    gesloten = False
    opgave = voorstel.opgave
    if sluiten and opgave is not None and opgave.status == OpgaveStatus.GEPUBLICEERD:
        opgave_sluiten(opgave=opgave, door=door)
        gesloten = True
    traject_transitie(traject=traject, transitie=besluit, door=door, motivatie=motivatie)
    if gesloten and besluit == "afwijzen":
        concurrenten_melden(voorstel=voorstel, toegelaten=False)
    return selectors.concurrerende_voorstellen(voorstel=voorstel)


def besluitbrief_inplannen(*, besluitbrief: Besluitbrief) -> None:
    from aanbesteden.werk import werk_inplannen

    from .tasks import besluitbrief_maken

    werk_inplannen(besluitbrief_maken, besluitbrief_id=besluitbrief.pk)


@transaction.atomic
def besluitbrief_opnieuw(*, besluitbrief: Besluitbrief, door: User) -> Besluitbrief:
    """Try the letter again: when it failed, or when it waits longer than it should (a worker
    was killed, the broker lost it)."""
    from aanbesteden.werk import werk_opnieuw

    from .tasks import besluitbrief_maken

    brief = Besluitbrief.objects.select_for_update().get(pk=besluitbrief.pk)
    if brief.status == DocumentStatus.KLAAR:
        raise IntakeFout(_("De besluitbrief is al klaar."))
    brief.status = DocumentStatus.WACHTEN
    brief.fout = ""
    brief.save(update_fields=["status", "fout", "updated_at"])
    werk_opnieuw(besluitbrief_maken, besluitbrief_id=brief.pk)
    return brief


@transaction.atomic
def besluitbrief_renderen(*, besluitbrief_id: int) -> bool:
    """Render the decision letter once and mail the initiative. Returns whether it was made
    now (False when it was already done, so a re-run makes no duplicate)."""
    from aanbesteden.pdf import sha256_hex, template_naar_pdf
    from aanbesteden.zegel import pdf_verzegelen

    brief = (
        Besluitbrief.objects.select_for_update(of=("self",))
        .select_related(
            "voorstel__traject__gemeente",
            "voorstel__initiatief",
            "voorstel__opgave",
            "voorstel__besloten_door",
        )
        .filter(pk=besluitbrief_id)
        .first()
    )
    if brief is None or brief.status == DocumentStatus.KLAAR:
        return False
    voorstel = brief.voorstel
    traject = voorstel.traject
    initiatief_leden = selectors.initiatiefnemers(traject=traject)
    taal = initiatief_leden[0].taal if initiatief_leden else settings.LANGUAGE_CODE
    with translation.override(taal or settings.LANGUAGE_CODE):
        context = {
            "voorstel": voorstel,
            "traject": traject,
            "gemeente": traject.gemeente,
            "scores": selectors.beoordeling_scores(voorstel=voorstel),
            "beoordeling": Beoordeling.objects.filter(voorstel=voorstel).first(),
            "bezwaar_weken": BEZWAAR_WEKEN,
            "datum": timezone.localdate(),
            "taal": taal,
        }
        # A formal decision: sealed like the agreement, so anyone can check it on the
        # public verification page.
        pdf = pdf_verzegelen(template_naar_pdf("initiatieven/besluitbrief.html", context))
    if brief.bestand:
        brief.bestand.delete(save=False)
    brief.bestand.save(
        f"besluit-{traject.pk}-{secrets.token_hex(6)}.pdf", ContentFile(pdf), save=False
    )
    brief.sha256 = sha256_hex(pdf)
    brief.status = DocumentStatus.KLAAR
    brief.fout = ""
    brief.save()
    bericht_versturen(
        ontvangers=initiatief_leden,
        soort=NotificatieSoort.VOORSTEL,
        sjabloon="initiatieven/mail/besluit",
        context={"traject": traject, "voorstel": voorstel},
        traject=traject,
        url=reverse("initiatieven:voorstel", kwargs={"pk": traject.pk}),
    )
    return True


@transaction.atomic
def besluitbrief_mislukt(*, besluitbrief_id: int, fout: str) -> None:
    Besluitbrief.objects.filter(pk=besluitbrief_id).exclude(status=DocumentStatus.KLAAR).update(
        status=DocumentStatus.MISLUKT, fout=fout[:2000], updated_at=timezone.now()
    )


# --- phase 1: the horizon -------------------------------------------------------------------
def horizon_inhoud(horizon: Horizon, indicatoren=None) -> dict[str, Any]:
    """A JSON-ready snapshot of the horizon's content, for the history."""
    if indicatoren is None:
        indicatoren = list(horizon.indicatoren.all())
    return {
        "ambitie": horizon.ambitie,
        "beoogde_resultaten": horizon.beoogde_resultaten,
        "indicatoren": [
            {
                "naam": i.naam,
                "eenheid": i.eenheid,
                "nulwaarde": str(i.nulwaarde),
                "streefwaarde": None if i.streefwaarde is None else str(i.streefwaarde),
                "hoger_is_beter": i.hoger_is_beter,
                "meetmethode": i.meetmethode,
                "meetfrequentie": i.meetfrequentie,
            }
            for i in indicatoren
        ],
    }


def _horizon_vergrendeld(horizon: Horizon, versie: int) -> Horizon:
    actueel = Horizon.objects.select_for_update().get(pk=horizon.pk)
    traject = Traject.objects.get(pk=actueel.traject_id)
    if traject.status != "horizon":
        raise IntakeFout(
            _("De stip aan de horizon kan alleen in de fase Stip aan de horizon veranderen.")
        )
    if actueel.versie != versie:
        raise IntakeFout(
            _("Iemand anders heeft de stip aan de horizon intussen gewijzigd. Bekijk hem opnieuw.")
        )
    return actueel


@transaction.atomic
def horizon_opslaan(*, horizon: Horizon, door: User, versie: int, form, formset) -> bool:
    """Save an edit of the horizon (validated form and indicator formset). When the content
    changed: keep the earlier version, raise the version number and withdraw the approvals.
    Returns whether anything changed."""
    actueel = _horizon_vergrendeld(horizon, versie)
    voor = horizon_inhoud(actueel)
    actueel.ambitie = form.cleaned_data["ambitie"]
    actueel.beoogde_resultaten = form.cleaned_data["beoogde_resultaten"]
    volgende = max((i.volgorde for i in actueel.indicatoren.all()), default=0)
    for ind in formset.save(commit=False):
        ind.horizon = actueel
        if not ind.volgorde:
            volgende += 1
            ind.volgorde = volgende
        ind.save()
    for weg in formset.deleted_objects:
        weg.delete()
    horizon = actueel
    na = horizon_inhoud(horizon, list(Indicator.objects.filter(horizon=horizon)))
    if na == voor:
        return False
    HorizonVersie.objects.create(
        horizon=horizon, versie=actueel.versie, inhoud=voor, gewijzigd_door=door
    )
    horizon.versie = actueel.versie + 1
    horizon.akkoord_initiatief_op = horizon.akkoord_gemeente_op = None
    horizon.akkoord_initiatief_door = horizon.akkoord_gemeente_door = None
    horizon.save()
    traject = horizon.traject
    bericht_versturen(
        ontvangers=[u for u in selectors.betrokkenen(traject=traject) if u.pk != door.pk],
        soort=NotificatieSoort.HORIZON,
        sjabloon="initiatieven/mail/horizon_akkoord_gevraagd",
        context={"traject": traject, "horizon": horizon, "door": door},
        traject=traject,
        url=reverse("initiatieven:horizon", kwargs={"pk": traject.pk}),
    )
    return True


@transaction.atomic
def horizon_akkoord_geven(*, horizon: Horizon, door: User, versie: int) -> Horizon:
    """Approve the current version of the horizon, for the side ``door`` acts for."""
    actueel = _horizon_vergrendeld(horizon, versie)
    traject = actueel.traject
    nu = timezone.now()
    if heeft_rol(door, traject, Rol.AMBTENAAR):
        if actueel.akkoord_gemeente_op:
            return actueel  # already agreed to this version: nothing changes, no second mail
        actueel.akkoord_gemeente_op, actueel.akkoord_gemeente_door = nu, door
        kant = "gemeente"
    elif heeft_rol(door, traject, Rol.INITIATIEFNEMER):
        if actueel.akkoord_initiatief_op:
            return actueel
        actueel.akkoord_initiatief_op, actueel.akkoord_initiatief_door = nu, door
        kant = "initiatief"
    else:
        raise IntakeFout(_("U mag de stip aan de horizon niet goedkeuren."))
    if not (actueel.ambitie.strip() and actueel.indicatoren.exists()):
        raise IntakeFout(_("Vul eerst de ambitie en ten minste één indicator in."))
    actueel.save()
    bericht_versturen(
        ontvangers=[u for u in selectors.betrokkenen(traject=traject) if u.pk != door.pk],
        soort=NotificatieSoort.HORIZON,
        sjabloon="initiatieven/mail/horizon_akkoord_gegeven",
        context={"traject": traject, "horizon": actueel, "door": door, "kant": kant},
        traject=traject,
        url=reverse("initiatieven:horizon", kwargs={"pk": traject.pk}),
    )
    return actueel


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
