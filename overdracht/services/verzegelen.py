"""Sealing: the final PDF with the signatures, sealed and mailed, and the step on to
evaluatie."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbesteden.constants import PartijSoort, TrajectStatus
from aanbesteden.models import Traject
from aanbesteden.pdf import sha256_hex
from meldingen.berichten import bericht_versturen, een_bericht_per_persoon
from meldingen.constants import NotificatieSoort

from ..constants import (
    NAAR_EVALUATIE,
    PdfStatus,
    VersieStatus,
)
from ..models import OvereenkomstVersie
from . import pdf
from .pdf import _versie_url

#: Named as before the split, so filters and alerts on it keep working.
log = logging.getLogger("overdracht.services")


def versie_verzegelen(*, versie_id: int, doorzetten: bool = True) -> bool:
    """Make the final PDF (agreement plus signature page), seal it with the platform's
    certificate, mail it to everybody involved, and move the traject on to evaluatie.

    Returns whether it was sealed now (a second run does nothing)."""
    from aanbesteden.services import traject_betrokkenen

    from .. import zegel

    with transaction.atomic():
        versie = (
            OvereenkomstVersie.objects.select_for_update()
            .select_related("traject__gemeente")
            .filter(pk=versie_id)
            .first()
        )
        if versie is None or versie.status != VersieStatus.ONDERTEKEND:
            return False
        data = zegel.pdf_verzegelen(pdf.versie_pdf_renderen(versie, met_handtekeningen=True))
        sha = sha256_hex(data)
        versie.verzegeld_pdf.save(
            f"overeenkomst-{versie.traject_id}-v{versie.nummer}-verzegeld-{sha[:12]}.pdf",
            ContentFile(data),
            save=False,
        )
        versie.verzegeld_sha256 = sha
        versie.verzegeld_status = PdfStatus.KLAAR
        versie.verzegeld_op = timezone.now()
        versie.status = VersieStatus.VERZEGELD
        versie.pdf_fout = ""
        versie.save()

        traject = versie.traject
        ondertekenaars = [
            o.ondertekenaar for o in versie.ondertekeningen.select_related("ondertekenaar")
        ]
        ontvangers = {u.pk: u for u in [*traject_betrokkenen(traject), *ondertekenaars]}
        # The core mails attachments from this process after the commit (not through the
        # broker), once per notification, in each recipient's language. This is the one
        # message of the decision: the step on to evaluatie below tells nobody again.
        with een_bericht_per_persoon():
            bericht_versturen(
                ontvangers=ontvangers.values(),
                soort=NotificatieSoort.OVERDRACHT,
                sjabloon="overdracht/mail/verzegeld",
                context={"versie": versie, "traject": traject},
                traject=traject,
                url=_versie_url(versie),
                bijlagen=[
                    (
                        f"overeenkomst-{versie.traject_id}-versie-{versie.nummer}.pdf",
                        data,
                        "application/pdf",
                    )
                ],
            )

            if doorzetten and traject.status == TrajectStatus.OVERDRACHT:
                _naar_evaluatie(versie)
    return True


def _naar_evaluatie(versie: OvereenkomstVersie) -> None:
    """Move the traject on to evaluatie as the gemeente's signatory. When the state machine
    refuses (another phase's requirement still blocks it), the refusal is logged and kept on
    the version, where the agreement panel shows it to the officials: they take the step by
    hand once the requirements are met."""
    from aanbesteden.services import TransitieGeweigerd, traject_transitie

    gemeente_rij = versie.ondertekeningen.filter(partij_soort=PartijSoort.GEMEENTE).first()
    if gemeente_rij is None:
        return
    traject = Traject.objects.get(pk=versie.traject_id)
    try:
        with transaction.atomic():
            traject_transitie(
                traject=traject,
                transitie=NAAR_EVALUATIE,
                door=gemeente_rij.ondertekenaar,
                motivatie=_("Overeenkomst versie %(nummer)s is door iedereen ondertekend.")
                % {"nummer": versie.nummer},
                controleer_rechten=False,
            )
    except TransitieGeweigerd as exc:
        redenen = [str(exc.bericht), *(str(r) for r in exc.redenen)]
        log.warning(
            "Traject %s: %s after sealing agreement version %s refused: %s",
            traject.pk,
            NAAR_EVALUATIE,
            versie.nummer,
            " | ".join(redenen),
        )
        versie.naar_evaluatie_geweigerd = "\n".join(redenen)[:5000]
        versie.naar_evaluatie_geweigerd_op = timezone.now()
        versie.save(update_fields=["naar_evaluatie_geweigerd", "naar_evaluatie_geweigerd_op"])
