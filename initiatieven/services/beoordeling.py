"""The intake by the gemeente: the assessment criteria, the assessment, the decision and
its letter (rendered in the background)."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Gemeente, Traject, User
from aanbesteden.services import traject_transitie
from meldingen.berichten import bericht_versturen
from meldingen.constants import NotificatieSoort

from .. import selectors
from ..constants import STANDAARD_CRITERIA, Besluit, DocumentStatus, OpgaveStatus
from ..models import (
    Beoordeling,
    Beoordelingscriterium,
    Besluitbrief,
    Criteriumscore,
    Horizon,
    Voorstel,
)
from .fouten import IntakeFout
from .opgaven import opgave_sluiten

#: Weeks within which an objection (bezwaar) can be made against a decision (Awb art. 6:7).
BEZWAAR_WEKEN = 6


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

    from ..tasks import besluitbrief_maken

    werk_inplannen(besluitbrief_maken, besluitbrief_id=besluitbrief.pk)


@transaction.atomic
def besluitbrief_opnieuw(*, besluitbrief: Besluitbrief, door: User) -> Besluitbrief:
    """Try the letter again: when it failed, or when it waits longer than it should (a worker
    was killed, the broker lost it)."""
    from aanbesteden.werk import werk_opnieuw

    from ..tasks import besluitbrief_maken

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
