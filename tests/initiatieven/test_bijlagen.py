"""Attachments: accepted by content (not by name), limited in size, stored privately and
downloaded only by whoever has access to the traject."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from initiatieven.bestandscontrole import DOCX, PDF, PNG
from initiatieven.models import Bijlage

from .factories import DOCX_BYTES, EXE_BYTES, PDF_BYTES, PNG_BYTES, zip_bytes


def upload(client, traject, naam, inhoud, soort="bijlage"):
    return client.post(
        reverse("initiatieven:bijlagen", kwargs={"pk": traject.pk}),
        {"bestand": SimpleUploadedFile(naam, inhoud), "soort": soort},
    )


@pytest.mark.parametrize(
    ("naam", "inhoud", "mime"),
    [
        ("plan.pdf", PDF_BYTES, PDF),
        ("foto.png", PNG_BYTES, PNG),
        ("begroting.docx", DOCX_BYTES, DOCX),
    ],
)
def test_goede_bestanden_worden_bewaard_met_hash(
    client, traject, voorstel, initiatiefnemer, naam, inhoud, mime, settings
):
    import hashlib

    client.force_login(initiatiefnemer)
    assert upload(client, traject, naam, inhoud).status_code == 302
    bijlage = Bijlage.objects.get(voorstel=voorstel)
    assert (bijlage.mime, bijlage.grootte, bijlage.naam) == (mime, len(inhoud), naam)
    assert bijlage.sha256 == hashlib.sha256(inhoud).hexdigest()
    assert bijlage.bestand.name.startswith("prive/")
    assert str(settings.MEDIA_ROOT) in bijlage.bestand.path
    download = client.get(
        reverse("initiatieven:bijlage", kwargs={"pk": traject.pk, "bijlage": bijlage.pk})
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == inhoud
    assert naam in download["Content-Disposition"]


@pytest.mark.parametrize(
    ("naam", "inhoud"),
    [
        ("factuur.pdf", EXE_BYTES),  # a program dressed up as a PDF
        ("foto.jpg", b"#!/bin/sh\nrm -rf /\n"),
        ("brief.docx", zip_bytes({"virus.exe": EXE_BYTES})),  # a zip, not an office file
        (
            "macro.docx",
            zip_bytes(
                {
                    "[Content_Types].xml": b"x",
                    "word/document.xml": b"x",
                    "word/vbaProject.bin": b"x",
                }
            ),
        ),
    ],
)
def test_vermomde_bestanden_geweigerd(client, traject, voorstel, initiatiefnemer, naam, inhoud):
    client.force_login(initiatiefnemer)
    antwoord = upload(client, traject, naam, inhoud)
    assert antwoord.status_code == 400
    assert "Dit soort bestand kunnen wij niet aannemen" in antwoord.content.decode()
    assert not Bijlage.objects.exists()


def test_te_groot_en_leeg(client, traject, voorstel, initiatiefnemer, settings):
    settings.BIJLAGE_MAX_BYTES = 100
    client.force_login(initiatiefnemer)
    antwoord = upload(client, traject, "groot.pdf", PDF_BYTES + b"x" * 200)
    assert antwoord.status_code == 400 and "te groot" in antwoord.content.decode()
    antwoord = upload(client, traject, "leeg.pdf", b"")
    assert antwoord.status_code == 400
    assert not Bijlage.objects.exists()


def test_na_indienen_geen_bijlagen_meer(client, ingediend, initiatiefnemer):
    client.force_login(initiatiefnemer)
    assert upload(client, ingediend, "plan.pdf", PDF_BYTES).status_code == 403
    assert not Bijlage.objects.exists()


def test_verwijderen_alleen_eigen_bijlage(
    client, traject, voorstel, ander_traject, ander_voorstel, initiatiefnemer, ander_initiatiefnemer
):
    client.force_login(initiatiefnemer)
    upload(client, traject, "plan.pdf", PDF_BYTES)
    bijlage = Bijlage.objects.get()
    # the other initiative cannot delete it, not through its own traject's URL either
    client.force_login(ander_initiatiefnemer)
    url_eigen = reverse(
        "initiatieven:bijlage_verwijderen", kwargs={"pk": traject.pk, "bijlage": bijlage.pk}
    )
    url_via_ander = reverse(
        "initiatieven:bijlage_verwijderen", kwargs={"pk": ander_traject.pk, "bijlage": bijlage.pk}
    )
    assert client.post(url_eigen).status_code == 404
    assert client.post(url_via_ander).status_code == 404
    assert (
        client.get(
            reverse("initiatieven:bijlage", kwargs={"pk": ander_traject.pk, "bijlage": bijlage.pk})
        ).status_code
        == 404
    )
    assert Bijlage.objects.filter(pk=bijlage.pk).exists()
    client.force_login(initiatiefnemer)
    assert client.get(url_eigen).status_code == 405
    assert client.post(url_eigen).status_code == 302
    assert not Bijlage.objects.exists()
