"""Trust that can be found: the public page that checks a sealed agreement is linked from
every page's footer, the traject page and the agreement's page after signing; the agreement's
PDF prints its full address and a QR code of it; hashes sit behind "Technische details"."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from aanbesteden.pdf import qr_data_uri
from overdracht import selectors, services

pytestmark = pytest.mark.django_db


def _tekst(veld) -> str:
    with veld.open("rb") as f:
        lezer = PdfReader(BytesIO(f.read()))
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in lezer.pages))


def _figuren(veld) -> list[str]:
    """The alternative texts of the figures in the PDF's structure tree (PDF/UA tags every
    image as a /Figure with its /Alt)."""
    with veld.open("rb") as f:
        lezer = PdfReader(BytesIO(f.read()))
    gevonden: list[str] = []

    def lopen(knoop) -> None:
        knoop = knoop.get_object() if hasattr(knoop, "get_object") else knoop
        if isinstance(knoop, list):
            for kind in knoop:
                lopen(kind)
        elif hasattr(knoop, "get"):
            if knoop.get("/S") == "/Figure":
                gevonden.append(str(knoop.get("/Alt", "")))
            if "/K" in knoop:
                lopen(knoop["/K"])

    lopen(lezer.trailer["/Root"]["/StructTreeRoot"])
    return gevonden


def test_adres_van_de_controlepagina_is_volledig(settings):
    settings.SITE_URL = "https://aanbesteden.example.nl"
    assert selectors.controle_url() == "https://aanbesteden.example.nl/overeenkomst/controleren/"


def test_verzegelde_pdf_drukt_adres_en_qr_code_af(verzegeld, settings):
    adres = selectors.controle_url()
    assert adres.startswith(settings.SITE_URL) and adres.endswith(reverse("overdracht:verifieren"))
    # The address, in the text a reader (and a screen reader) gets out of the PDF.
    assert adres in _tekst(verzegeld.verzegeld_pdf)
    assert "Isditdocumentecht?" in _tekst(verzegeld.verzegeld_pdf)
    # The QR code: the document carries the code of exactly this address (made again here
    # from the address, as a scanner would read it), drawn into the PDF as a tagged figure.
    html = services.versie_html(verzegeld, met_handtekeningen=True)
    assert f'src="{qr_data_uri(adres)}"' in html
    assert 'alt="QR-code met het adres van de controlepagina"' in html
    assert "QR-code met het adres van de controlepagina" in _figuren(verzegeld.verzegeld_pdf)


def test_pdf_om_te_tekenen_noemt_de_controlepagina_ook(vastgesteld):
    assert selectors.controle_url() in _tekst(vastgesteld.pdf)


def test_qr_code_hangt_af_van_het_adres():
    assert qr_data_uri("https://a.example/") != qr_data_uri("https://b.example/")
    assert qr_data_uri("https://a.example/").startswith("data:image/svg+xml")


def test_voettekst_van_elke_pagina_linkt_naar_de_controlepagina(client, db):
    html = client.get(reverse("overzicht:register_index")).content.decode()
    voet = html.split("<footer")[1]
    assert f'href="{reverse("overdracht:verifieren")}"' in voet


def test_trajectpagina_en_overeenkomst_na_tekenen_linken_naar_de_controle(
    client, vastgesteld, initiatiefnemer
):
    controle = f'href="{reverse("overdracht:verifieren")}"'
    client.force_login(initiatiefnemer)
    traject = client.get(vastgesteld.traject.get_absolute_url()).content.decode()
    assert controle in traject.split('id="kop-overeenkomst"')[1].split("</section>")[0]
    ondertekening = vastgesteld.ondertekeningen.get(ondertekenaar=initiatiefnemer)
    antwoord = client.post(
        reverse(
            "overdracht:tekenen",
            kwargs={
                "pk": vastgesteld.traject_id,
                "nummer": vastgesteld.nummer,
                "id": ondertekening.pk,
            },
        ),
        {
            "instemming": "on",
            "naam": ondertekening.naam,
            "pdf_sha256": vastgesteld.pdf_sha256,
        },
        follow=True,
    )
    html = antwoord.content.decode()
    assert "Uw handtekening is vastgelegd" in html
    inhoud = html.split('id="inhoud"')[1].split("<footer")[0]
    assert controle in inhoud
    # The fingerprint is there, but behind the disclosure, not in the running text.
    technisch = inhoud.split("<details")[1].split("</details>")[0]
    assert "Technische details" in technisch and vastgesteld.pdf_sha256 in technisch
    assert inhoud.count(vastgesteld.pdf_sha256) == technisch.count(vastgesteld.pdf_sha256)


def test_tekenpagina_zet_de_vingerafdruk_achter_technische_details(
    client, vastgesteld, initiatiefnemer
):
    client.force_login(initiatiefnemer)
    ondertekening = vastgesteld.ondertekeningen.get(ondertekenaar=initiatiefnemer)
    html = client.get(
        reverse(
            "overdracht:tekenen",
            kwargs={
                "pk": vastgesteld.traject_id,
                "nummer": vastgesteld.nummer,
                "id": ondertekening.pk,
            },
        )
    ).content.decode()
    # Visible text only: the form carries the fingerprint in a hidden field, and the statement
    # the signatory agrees to names it (it is kept with the signature as the words shown).
    inhoud = re.sub(r"<input[^>]*>", "", html.split('id="inhoud"')[1])
    inhoud = re.sub(r"<blockquote.*?</blockquote>", "", inhoud, flags=re.S)
    technisch = inhoud.split("<details")[1].split("</details>")[0]
    assert vastgesteld.pdf_sha256 in technisch
    assert inhoud.count(vastgesteld.pdf_sha256) == 1
