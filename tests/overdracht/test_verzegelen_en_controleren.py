"""The sealed agreement: a PAdES seal by the platform's certificate; the verification page
and command accept it and reject anything changed, sealed by another key, or not a PDF."""

from __future__ import annotations

import logging
import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

pytestmark = pytest.mark.django_db


def _bytes(veld) -> bytes:
    with veld.open("rb") as f:
        return f.read()


def _gewijzigde_pagina(data: bytes) -> bytes:
    """An incremental update after sealing that replaces the first page's content."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    schrijver = IncrementalPdfFileWriter(BytesIO(data))
    pagina = schrijver.root["/Pages"]["/Kids"][0].get_object()
    nieuw = schrijver.add_object(
        generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 720 Td (Bedrag: 1.000.000) Tj ET")
    )
    pagina["/Contents"] = nieuw
    schrijver.update_container(pagina)
    uit = BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def _byte_omgedraaid(data: bytes) -> bytes:
    veranderd = bytearray(data)
    veranderd[len(veranderd) // 3] ^= 0x01
    return bytes(veranderd)


def _zegel_beschadigd(data: bytes, *, waar: float) -> bytes:
    """Flip one hex digit inside the seal's own signature container (CMS), at fraction
    ``waar`` of it: near the end lies the signature value, in the middle the certificate."""
    from asn1crypto import cms

    gevonden = re.search(rb"/Contents <([0-9a-fA-F]+)>", data)
    begin = gevonden.start(1)
    der = len(cms.ContentInfo.load(bytes.fromhex(gevonden.group(1).decode())).dump())
    plek = begin + int(2 * der * waar)
    veranderd = bytearray(data)
    veranderd[plek] = ord("0") if veranderd[plek] != ord("0") else ord("7")
    return bytes(veranderd)


def _ander_zegel(verzegeld, ander_sleutelpaar) -> bytes:
    from overdracht.services import versie_pdf_renderen
    from overdracht.zegel import pdf_verzegelen

    pad, wachtwoord = ander_sleutelpaar
    return pdf_verzegelen(
        versie_pdf_renderen(verzegeld, met_handtekeningen=True), pad=pad, wachtwoord=wachtwoord
    )


VERVALSINGEN = {
    "byte_omgedraaid": (lambda v, k: _byte_omgedraaid(_bytes(v.verzegeld_pdf)), "gewijzigd"),
    "pagina_gewijzigd": (lambda v, k: _gewijzigde_pagina(_bytes(v.verzegeld_pdf)), "toegevoegd"),
    "ander_certificaat": (_ander_zegel, "niet gezet met het certificaat van dit platform"),
    "handtekening_beschadigd": (
        lambda v, k: _zegel_beschadigd(_bytes(v.verzegeld_pdf), waar=0.98),
        "beschadigd of ongeldig",
    ),
    "certificaat_beschadigd": (
        lambda v, k: _zegel_beschadigd(_bytes(v.verzegeld_pdf), waar=0.4),
        "beschadigd of ongeldig",
    ),
    "geen_pdf": (lambda v, k: b"Dit is een tekstbestand, geen PDF.\n" * 20, "PDF"),
    "pdf_zonder_zegel": (lambda v, k: _bytes(v.pdf), "zegel"),
}


def test_verzegelde_pdf_heeft_een_tekenpagina_en_is_toegankelijk(verzegeld):
    lezer = PdfReader(BytesIO(_bytes(verzegeld.verzegeld_pdf)))
    assert "/StructTreeRoot" in lezer.trailer["/Root"]
    laatste = "".join(lezer.pages[-1].extract_text().split())
    assert "Ondertekening" in laatste
    for o in verzegeld.ondertekeningen.all():
        assert "".join(o.naam.split()) in laatste
    assert verzegeld.pdf_sha256 in laatste


def test_verzegelde_pdf_is_echt_volgens_het_commando(verzegeld, tmp_path, capsys):
    pad = tmp_path / "echt.pdf"
    pad.write_bytes(_bytes(verzegeld.verzegeld_pdf))
    call_command("overeenkomst_verifieer", str(pad))
    uit = capsys.readouterr().out
    assert uit.startswith("ECHT")
    assert f"Traject {verzegeld.traject_id}" in uit and f"versie {verzegeld.nummer}" in uit


def test_vervalsingen_worden_door_het_commando_afgewezen(verzegeld, ander_sleutelpaar, tmp_path):
    # One sealed agreement, every forgery of it (one test: sealing is the slow part).
    for soort, (maak, reden) in VERVALSINGEN.items():
        pad = tmp_path / f"{soort}.pdf"
        pad.write_bytes(maak(verzegeld, ander_sleutelpaar))
        with pytest.raises(CommandError) as fout:
            call_command("overeenkomst_verifieer", str(pad))
        assert str(fout.value).startswith("NIET ECHT"), soort
        assert reden in str(fout.value), (soort, str(fout.value))
        assert fout.value.returncode == 2  # the exit status of manage.py


def test_beschadigd_zegel_heet_beschadigd_en_niet_ander_certificaat(verzegeld, ander_sleutelpaar):
    from overdracht.zegel import pdf_controleren

    ander = pdf_controleren(_ander_zegel(verzegeld, ander_sleutelpaar)).reden
    assert "beschadigd" not in ander
    data = _bytes(verzegeld.verzegeld_pdf)
    for waar in (0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.99):
        reden = pdf_controleren(_zegel_beschadigd(data, waar=waar)).reden
        assert "beschadigd of ongeldig" in reden, (waar, reden)
        assert "certificaat" not in reden and "gewijzigd." not in reden


def test_vervalsingen_geven_geen_traceback(
    verzegeld, ander_sleutelpaar, tmp_path, client, caplog, capsys
):
    caplog.set_level(logging.DEBUG)
    for soort, (maak, _reden) in VERVALSINGEN.items():
        data = maak(verzegeld, ander_sleutelpaar)
        pad = tmp_path / f"{soort}.pdf"
        pad.write_bytes(data)
        with pytest.raises(CommandError):
            call_command("overeenkomst_verifieer", str(pad))
        bestand = SimpleUploadedFile("o.pdf", data, "application/pdf")
        assert client.post("/overeenkomst/controleren/", {"bestand": bestand}).status_code in (
            400,
            422,
        )
    met_traceback = [r for r in caplog.records if r.exc_info or r.exc_text or r.stack_info]
    assert not met_traceback, [(r.name, r.getMessage()[:200]) for r in met_traceback]
    uit = capsys.readouterr()
    assert "Traceback" not in uit.out + uit.err


def test_controlepagina_zonder_inloggen_accepteert_het_echte_document(client, verzegeld):
    assert client.get("/overeenkomst/controleren/").status_code == 200
    bestand = SimpleUploadedFile("o.pdf", _bytes(verzegeld.verzegeld_pdf), "application/pdf")
    antwoord = client.post("/overeenkomst/controleren/", {"bestand": bestand})
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "niet gewijzigd" in tekst
    assert verzegeld.traject.titel in tekst


def test_controlepagina_wijst_vervalsingen_af(client, verzegeld, ander_sleutelpaar):
    for soort in [
        "byte_omgedraaid",
        "pagina_gewijzigd",
        "ander_certificaat",
        "handtekening_beschadigd",
        "pdf_zonder_zegel",
    ]:
        maak, reden = VERVALSINGEN[soort]
        bestand = SimpleUploadedFile("o.pdf", maak(verzegeld, ander_sleutelpaar), "application/pdf")
        antwoord = client.post("/overeenkomst/controleren/", {"bestand": bestand})
        assert antwoord.status_code == 422, soort
        tekst = antwoord.content.decode()
        assert "Niet echt of gewijzigd" in tekst and reden in tekst, soort


def test_controlepagina_weigert_geen_pdf_en_te_groot(client, db, settings, monkeypatch):
    from overdracht import forms

    bestand = SimpleUploadedFile("x.pdf", b"hallo wereld", "application/pdf")
    antwoord = client.post("/overeenkomst/controleren/", {"bestand": bestand})
    assert antwoord.status_code == 400
    assert "Dit is geen PDF-bestand" in antwoord.content.decode()
    monkeypatch.setattr(forms, "MAX_GROOTTE", 10)
    bestand = SimpleUploadedFile("x.pdf", b"%PDF-1.7 " + b"0" * 20, "application/pdf")
    antwoord = client.post("/overeenkomst/controleren/", {"bestand": bestand})
    assert antwoord.status_code == 400
    assert "te groot" in antwoord.content.decode()
    assert client.post("/overeenkomst/controleren/", {}).status_code == 400


def test_een_tweede_keer_verzegelen_doet_niets(verzegeld):
    from overdracht.services import versie_verzegelen

    voor = verzegeld.verzegeld_sha256
    assert versie_verzegelen(versie_id=verzegeld.pk) is False
    verzegeld.refresh_from_db()
    assert verzegeld.verzegeld_sha256 == voor


def test_productie_leest_het_ingestelde_certificaat(settings, tmp_path, verzegeld):
    from overdracht import zegel

    pad = zegel.ontwikkelcertificaat_maken(
        tmp_path / "productie.p12", wachtwoord=b"geheim", naam="Productie"
    )
    settings.ZEGEL_PKCS12_PAD = str(pad)
    settings.ZEGEL_PKCS12_WACHTWOORD = "geheim"
    data = zegel.pdf_verzegelen(_bytes(verzegeld.pdf))
    assert zegel.pdf_controleren(data).echt
    # The document sealed with the development certificate is no longer the platform's.
    assert not zegel.pdf_controleren(_bytes(verzegeld.verzegeld_pdf)).echt
