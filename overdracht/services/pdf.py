"""The agreement's PDF: rendering it, making it once in the background (then asking the
signatories to sign), recording a failure, and trying again."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from aanbesteden.models import User
from aanbesteden.pdf import html_naar_pdf, qr_data_uri, sha256_hex
from aanbesteden.werk import werk_opnieuw
from meldingen.berichten import bericht_versturen
from meldingen.constants import NotificatieSoort

from .. import selectors
from ..constants import (
    PdfStatus,
    VersieStatus,
)
from ..models import OvereenkomstVersie
from .fouten import OvereenkomstFout
from .versies import _vereis_overdrachtfase


@transaction.atomic
def versie_pdf_opnieuw(*, versie: OvereenkomstVersie, door: User) -> OvereenkomstVersie:
    """Try a failed PDF (or seal) again, or one that is overdue (still "being made" longer
    than ``WERK_TE_LAAT_NA`` seconds: a worker was killed, the broker lost it)."""
    from ..tasks import overeenkomst_pdf_maken, overeenkomst_verzegelen

    _vereis_overdrachtfase(versie.traject_id)
    versie = OvereenkomstVersie.objects.select_for_update().get(pk=versie.pk)
    te_laat = versie.werk_te_laat
    if versie.status == VersieStatus.VASTGESTELD and (
        versie.pdf_status == PdfStatus.MISLUKT or te_laat
    ):
        versie.pdf_status, versie.pdf_fout = PdfStatus.BEZIG, ""
        versie.save(update_fields=["pdf_status", "pdf_fout"])
        werk_opnieuw(overeenkomst_pdf_maken, versie_id=versie.pk)
    elif versie.status == VersieStatus.ONDERTEKEND and (
        versie.verzegeld_status == PdfStatus.MISLUKT or te_laat
    ):
        versie.verzegeld_status, versie.pdf_fout = PdfStatus.BEZIG, ""
        versie.save(update_fields=["verzegeld_status", "pdf_fout"])
        werk_opnieuw(overeenkomst_verzegelen, versie_id=versie.pk)
    else:
        raise OvereenkomstFout(_("Er is niets om opnieuw te proberen."))
    return versie


def versie_html(versie: OvereenkomstVersie, *, met_handtekeningen: bool = False) -> str:
    """The agreement as a full HTML document (always Dutch: the language of the agreement)."""
    with translation.override("nl"):
        context = {
            "versie": versie,
            "i": versie.inhoud,
            "clausules": list(versie.clausules.all()),
            "ondertekeningen": list(versie.ondertekeningen.order_by("pk"))
            if met_handtekeningen
            else [],
            "met_handtekeningen": met_handtekeningen,
            "controle_url": selectors.controle_url(),
            "controle_qr": qr_data_uri(selectors.controle_url()),
        }
        return render_to_string("overdracht/pdf/overeenkomst.html", context)


def versie_pdf_renderen(versie: OvereenkomstVersie, *, met_handtekeningen: bool = False) -> bytes:
    return html_naar_pdf(versie_html(versie, met_handtekeningen=met_handtekeningen))


def versie_pdf_maken(*, versie_id: int) -> bool:
    """Render the fixed version's PDF once. Returns whether a file was made now; running it
    again for the same version makes no second file (the row is locked and its status read)."""
    with transaction.atomic():
        versie = (
            OvereenkomstVersie.objects.select_for_update()
            .select_related("traject__gemeente")
            .filter(pk=versie_id)
            .first()
        )
        if versie is None or versie.status != VersieStatus.VASTGESTELD:
            return False
        if versie.pdf_status == PdfStatus.KLAAR and versie.pdf and versie.pdf_sha256:
            return False
        data = versie_pdf_renderen(versie)
        sha = sha256_hex(data)
        versie.pdf.save(
            f"overeenkomst-{versie.traject_id}-v{versie.nummer}-{sha[:12]}.pdf",
            ContentFile(data),
            save=False,
        )
        versie.pdf_sha256 = sha
        versie.pdf_status = PdfStatus.KLAAR
        versie.pdf_fout = ""
        versie.save(update_fields=["pdf", "pdf_sha256", "pdf_status", "pdf_fout"])
        _tekenverzoek_sturen(versie)
    return True


def versie_pdf_mislukt(*, versie_id: int, reden: str, verzegelen: bool = False) -> None:
    """Record that the PDF (or seal) failed for good, with the reason for the official."""
    with transaction.atomic():
        versie = OvereenkomstVersie.objects.select_for_update().filter(pk=versie_id).first()
        if versie is None:
            return
        if verzegelen:
            versie.verzegeld_status = PdfStatus.MISLUKT
        else:
            versie.pdf_status = PdfStatus.MISLUKT
        versie.pdf_fout = (reden or _("Onbekende fout"))[:2000]
        versie.save(update_fields=["pdf_status", "verzegeld_status", "pdf_fout"])


def _versie_url(versie: OvereenkomstVersie) -> str:
    return reverse("overdracht:versie", kwargs={"pk": versie.traject_id, "nummer": versie.nummer})


def _tekenverzoek_sturen(versie: OvereenkomstVersie) -> None:
    for ondertekening in versie.ondertekeningen.select_related("ondertekenaar").filter(
        getekend_op__isnull=True, geweigerd_op__isnull=True
    ):
        bericht_versturen(
            ontvangers=[ondertekening.ondertekenaar],
            soort=NotificatieSoort.OVERDRACHT,
            sjabloon="overdracht/mail/tekenen",
            context={"versie": versie, "traject": versie.traject, "ondertekening": ondertekening},
            traject=versie.traject,
            url=reverse(
                "overdracht:tekenen",
                kwargs={"pk": versie.traject_id, "nummer": versie.nummer, "id": ondertekening.pk},
            ),
        )
