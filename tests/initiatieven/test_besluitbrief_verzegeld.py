"""The decision letter is a formal decision: sealed with the platform's certificate like the
agreement, and recognised by the public verification page."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aanbesteden.services import traject_transitie
from initiatieven.constants import DocumentStatus
from initiatieven.models import Besluitbrief

from .test_besluitbrief import beoordeeld  # noqa: F401 (fixture)


@pytest.fixture
def brief(beoordeeld, ambtenaar, django_capture_on_commit_callbacks):  # noqa: F811
    with django_capture_on_commit_callbacks(execute=True):
        traject_transitie(
            traject=beoordeeld, transitie="toelaten", door=ambtenaar, motivatie="Een sterk plan."
        )
    brief = Besluitbrief.objects.get()
    assert brief.status == DocumentStatus.KLAAR
    return brief


def _pdf(brief) -> bytes:
    with brief.bestand.open("rb") as f:
        return f.read()


def test_besluitbrief_draagt_het_zegel_van_het_platform(brief):
    """pyHanko finds one PAdES signature over the whole file, by the platform's certificate,
    intact; the stored hash is that of the sealed file."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    from aanbesteden.pdf import sha256_hex
    from aanbesteden.zegel import ZEGEL_VELD, ondertekenaar

    data = _pdf(brief)
    assert brief.sha256 == sha256_hex(data)
    handtekeningen = PdfFileReader(io.BytesIO(data)).embedded_signatures
    assert [h.field_name for h in handtekeningen] == [ZEGEL_VELD]
    handtekening = handtekeningen[0]
    platform = ondertekenaar().signing_cert
    assert handtekening.signer_cert.sha256 == platform.sha256
    status = validate_pdf_signature(
        handtekening, ValidationContext(trust_roots=[platform], allow_fetching=False)
    )
    assert status.intact and status.valid
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert "/ETSI.CAdES.detached" in str(handtekening.sig_object["/SubFilter"])


def test_verificatiepagina_herkent_de_besluitbrief(client, brief):
    antwoord = client.post(
        reverse("overdracht:verifieren"),
        {"bestand": SimpleUploadedFile("besluit.pdf", _pdf(brief), "application/pdf")},
    )
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Het zegel is echt en het document is niet gewijzigd." in tekst
    assert "Dit is de besluitbrief van gemeente Gemeente A" in tekst
    assert brief.voorstel.traject.titel in tekst


def test_gewijzigde_besluitbrief_is_niet_echt(client, brief):
    veranderd = bytearray(_pdf(brief))
    veranderd[len(veranderd) // 3] ^= 0x01
    antwoord = client.post(
        reverse("overdracht:verifieren"),
        {"bestand": SimpleUploadedFile("besluit.pdf", bytes(veranderd), "application/pdf")},
    )
    assert antwoord.status_code == 422
    assert "besluitbrief van gemeente" not in antwoord.content.decode()


def test_verificatieopdracht_herkent_de_besluitbrief(brief, tmp_path):
    from django.core.management import call_command

    pad = tmp_path / "besluit.pdf"
    pad.write_bytes(_pdf(brief))
    uit = io.StringIO()
    call_command("overeenkomst_verifieer", str(pad), stdout=uit)
    assert uit.getvalue().startswith("ECHT:")
    assert f"Besluitbrief over traject {brief.voorstel.traject.pk}" in uit.getvalue()
