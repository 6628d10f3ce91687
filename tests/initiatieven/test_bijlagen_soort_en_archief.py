"""An upload is stored and served under the extension of the kind its content shows, never the
one typed; office files (zip archives) that inflate too far, hold a part named to escape the
archive, or cannot be read are refused with their own message, and nothing is saved."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from initiatieven.bestandscontrole import DOCX, PDF, download_naam
from initiatieven.models import Bijlage

from .factories import DOCX_BYTES, PDF_BYTES


def upload(client, traject, naam, inhoud):
    return client.post(
        reverse("initiatieven:bijlagen", kwargs={"pk": traject.pk}),
        {"bestand": SimpleUploadedFile(naam, inhoud), "soort": "bijlage"},
    )


def download(client, traject, bijlage):
    return client.get(
        reverse("initiatieven:bijlage", kwargs={"pk": traject.pk, "bijlage": bijlage.pk})
    )


def docx_met(onderdelen: dict[str, bytes], *, compressie=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compressie) as archief:
        archief.writestr("[Content_Types].xml", b"<Types/>")
        archief.writestr("word/document.xml", b"<w:document/>")
        for naam, inhoud in onderdelen.items():
            archief.writestr(naam, inhoud)
    return buf.getvalue()


def geen_bestanden_bewaard(settings) -> bool:
    from pathlib import Path

    map_ = Path(settings.MEDIA_ROOT) / "prive" / "voorstellen"
    return not map_.exists() or not any(p.is_file() for p in map_.rglob("*"))


@pytest.mark.parametrize(
    ("naam", "inhoud", "mime", "bewaard_als"),
    [
        ("x.html", PDF_BYTES, PDF, "x.pdf"),
        ("begroting.exe", DOCX_BYTES, DOCX, "begroting.docx"),
        ("zonder-punt", PDF_BYTES, PDF, "zonder-punt.pdf"),
        ('../../"rare naam".pdf.html', PDF_BYTES, PDF, "rare naam.pdf.pdf"),
    ],
)
def test_bewaard_en_gedownload_met_de_extensie_van_de_inhoud(
    client, traject, voorstel, initiatiefnemer, naam, inhoud, mime, bewaard_als
):
    client.force_login(initiatiefnemer)
    assert upload(client, traject, naam, inhoud).status_code == 302
    bijlage = Bijlage.objects.get(voorstel=voorstel)
    assert bijlage.naam == bewaard_als
    assert bijlage.bestand.name.endswith("." + bewaard_als.rsplit(".", 1)[1])
    antwoord = download(client, traject, bijlage)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == mime
    assert antwoord["Content-Disposition"] == f'attachment; filename="{bewaard_als}"'
    assert antwoord["X-Content-Type-Options"] == "nosniff"
    assert b"".join(antwoord.streaming_content) == inhoud


def test_oude_bijlage_met_getypte_naam_krijgt_toch_de_goede_extensie(
    client, traject, voorstel, initiatiefnemer
):
    # An attachment stored before names were corrected still downloads as its kind.
    client.force_login(initiatiefnemer)
    upload(client, traject, "plan.pdf", PDF_BYTES)
    Bijlage.objects.update(naam="plan.html")
    antwoord = download(client, traject, Bijlage.objects.get())
    assert antwoord["Content-Disposition"] == 'attachment; filename="plan.pdf"'
    assert antwoord["Content-Type"] == PDF


def test_download_naam():
    assert download_naam("verslag.HTML", PDF) == "verslag.pdf"
    assert download_naam("C:\\Users\\piet\\brief.docx", DOCX) == "brief.docx"
    assert download_naam(".htaccess", PDF) == "htaccess.pdf"
    assert download_naam("", PDF) == "bijlage.pdf"
    assert download_naam("x.pdf", "text/html") == "x.bin"


def test_zipbom_geweigerd(client, traject, voorstel, initiatiefnemer, settings):
    # 60 MB of zeros packs into a few dozen kilobytes; the bound is 50 MB by default.
    assert settings.BIJLAGE_MAX_UITGEPAKT_BYTES == 50 * 1024 * 1024
    bom = docx_met({"word/media/nullen.bin": bytes(60 * 1024 * 1024)})
    assert len(bom) < 1024 * 1024
    client.force_login(initiatiefnemer)
    antwoord = upload(client, traject, "bom.docx", bom)
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "wordt uitgepakt te groot" in tekst and "50,0" in tekst
    assert not Bijlage.objects.exists()
    assert geen_bestanden_bewaard(settings)


def test_zip_die_over_zijn_grootte_liegt_geweigerd(
    client, traject, voorstel, initiatiefnemer, settings
):
    # The headers claim 100 bytes; the part inflates to 2 MB. Reading it to the end exposes it.
    settings.BIJLAGE_MAX_UITGEPAKT_BYTES = 1024 * 1024
    echt = 2 * 1024 * 1024
    data = bytearray(docx_met({"word/media/x.bin": bytes(echt)}))
    groot = echt.to_bytes(4, "little")
    assert data.count(groot) == 2  # the local header and the central directory
    data = bytes(data).replace(groot, (100).to_bytes(4, "little"))
    client.force_login(initiatiefnemer)
    antwoord = upload(client, traject, "liegt.docx", data)
    assert antwoord.status_code == 400
    assert "beschadigd" in antwoord.content.decode()
    assert not Bijlage.objects.exists()


@pytest.mark.parametrize(
    "onderdeel", ["../x", "word/../../x.xml", "/etc/x", "C:/Windows/x", "..\\x"]
)
def test_onderdeel_dat_uit_het_archief_klimt_geweigerd(
    client, traject, voorstel, initiatiefnemer, settings, onderdeel
):
    client.force_login(initiatiefnemer)
    antwoord = upload(client, traject, "brief.docx", docx_met({onderdeel: b"x"}))
    assert antwoord.status_code == 400
    assert "onderdelen met een ongeldige naam" in antwoord.content.decode()
    assert not Bijlage.objects.exists()
    assert geen_bestanden_bewaard(settings)


def test_onleesbare_zip_geweigerd(client, traject, voorstel, initiatiefnemer):
    client.force_login(initiatiefnemer)
    antwoord = upload(client, traject, "kapot.docx", b"PK\x03\x04 geen echte zip")
    assert antwoord.status_code == 400
    assert "beschadigd en kan niet worden gelezen" in antwoord.content.decode()
    assert not Bijlage.objects.exists()


def test_twee_punten_in_een_gewone_naam_mag(client, traject, voorstel, initiatiefnemer):
    client.force_login(initiatiefnemer)
    antwoord = upload(client, traject, "brief.docx", docx_met({"word/media/a..b.png": b"x"}))
    assert antwoord.status_code == 302
    assert Bijlage.objects.get().mime == DOCX
