"""Media in an S3-compatible object store, switched on by MEDIA_S3_BUCKET: an attachment
uploaded, an agreement rendered and sealed, an archive dossier zipped, all written to and read
from a real S3 API (moto's server, over HTTP on a free local port) and downloaded through
the views; nothing lands on the local disk. The health page checks that store."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aanbesteden.settings.env import media_opslag
from tests.initiatieven.factories import PDF_BYTES, voorstel_compleet

from .hulp import vrije_poort

BUCKET = "aanbesteden-media"
S3_ENV = {
    "MEDIA_S3_BUCKET": BUCKET,
    "MEDIA_S3_REGION": "eu-central-1",
    "MEDIA_S3_ACCESS_KEY_ID": "testsleutel",
    "MEDIA_S3_SECRET_ACCESS_KEY": "testgeheim",
    "MEDIA_S3_PREFIX": "media",
}


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3 server in its own process, on a free port; stopped afterwards."""
    import urllib.request

    poort = vrije_poort()
    proces = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(poort)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{poort}"
    try:
        einde = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/moto-api/", timeout=2)  # noqa: S310
                break
            except OSError:
                if proces.poll() is not None or time.monotonic() > einde:
                    raise RuntimeError("moto_server did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        proces.terminate()
        proces.wait(timeout=30)


@pytest.fixture
def s3(s3_server, settings, monkeypatch):
    """The default storage is the S3 store, configured as production would be: by the
    MEDIA_S3_* variables; a fresh bucket per test."""
    import boto3

    for naam, waarde in {**S3_ENV, "MEDIA_S3_ENDPOINT_URL": s3_server}.items():
        monkeypatch.setenv(naam, waarde)
    opslag = media_opslag()
    assert opslag["BACKEND"] == "storages.backends.s3.S3Storage"
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="eu-central-1",
        aws_access_key_id="testsleutel",
        aws_secret_access_key="testgeheim",
    )
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
    )
    settings.STORAGES = {**settings.STORAGES, "default": opslag}

    def objecten() -> dict[str, bytes]:
        lijst = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
        return {
            o["Key"]: client.get_object(Bucket=BUCKET, Key=o["Key"])["Body"].read() for o in lijst
        }

    yield objecten
    for sleutel in objecten():
        client.delete_object(Bucket=BUCKET, Key=sleutel)
    client.delete_bucket(Bucket=BUCKET)


def _lokale_bestanden(settings) -> list[str]:
    from pathlib import Path

    media = Path(settings.MEDIA_ROOT)
    # The development sealing certificate is not media: it stays on the disk of the test.
    return [
        str(p.relative_to(media))
        for p in media.rglob("*")
        if p.is_file() and p.parts[len(media.parts)] != "zegel"
    ]


@pytest.mark.django_db
def test_bijlage_overeenkomst_en_dossier_in_s3(
    s3,
    settings,
    client,
    verzegeld,  # noqa: F811
    ander_traject,
    ander_initiatiefnemer,
    ambtenaar,
    django_capture_on_commit_callbacks,
):
    from initiatieven.models import Bijlage
    from overdracht import zegel

    traject = verzegeld.traject
    # The agreement: rendered (version PDF) and sealed by the tasks, stored in the bucket.
    opgeslagen = s3()
    assert f"media/{verzegeld.pdf.name}" in opgeslagen
    assert f"media/{verzegeld.verzegeld_pdf.name}" in opgeslagen

    # An attachment uploaded by an initiative to its draft proposal, through the view.
    voorstel = voorstel_compleet(ander_traject)
    client.force_login(ander_initiatiefnemer)
    antwoord = client.post(
        reverse("initiatieven:bijlagen", kwargs={"pk": ander_traject.pk}),
        {"bestand": SimpleUploadedFile("plan.pdf", PDF_BYTES), "soort": "bijlage"},
    )
    assert antwoord.status_code == 302
    bijlage = Bijlage.objects.get(voorstel=voorstel)
    assert s3()[f"media/{bijlage.bestand.name}"] == PDF_BYTES
    download = client.get(
        reverse("initiatieven:bijlage", kwargs={"pk": ander_traject.pk, "bijlage": bijlage.pk})
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES

    # Both agreement PDFs downloaded through the views; the sealed one checks out.
    client.force_login(ambtenaar)
    kwargs = {"pk": traject.pk, "nummer": verzegeld.nummer}
    pdf = client.get(reverse("overdracht:pdf", kwargs=kwargs))
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content) == s3()[f"media/{verzegeld.pdf.name}"]
    gezegeld = client.get(reverse("overdracht:verzegeld_pdf", kwargs=kwargs))
    assert gezegeld.status_code == 200
    inhoud = b"".join(gezegeld.streaming_content)
    assert zegel.pdf_controleren(inhoud).echt

    # The archive dossier reads every file from the bucket and is stored there itself.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("overzicht:dossier", kwargs={"pk": traject.pk})).status_code
    from overzicht.models import Dossier

    dossier = Dossier.objects.get(traject=traject)
    assert dossier.status == "klaar"
    assert f"media/{dossier.bestand.name}" in s3()
    zip_antwoord = client.get(
        reverse("overzicht:dossier_download", kwargs={"pk": traject.pk, "dossier": dossier.pk})
    )
    assert zip_antwoord.status_code == 200
    archief = zipfile.ZipFile(io.BytesIO(b"".join(zip_antwoord.streaming_content)))
    assert inhoud in {archief.read(naam) for naam in archief.namelist()}

    assert _lokale_bestanden(settings) == []


@pytest.mark.django_db
def test_gezondheid_controleert_de_s3_opslag(s3, client, settings):
    assert client.get("/gezond/klaar/").content.decode().splitlines()[2] == "opslag: ok"
    # The same store with a closed port: the check fails.
    dicht = {**settings.STORAGES["default"]["OPTIONS"]}
    dicht["endpoint_url"] = f"http://127.0.0.1:{vrije_poort()}"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": dicht},
    }
    antwoord = client.get("/gezond/klaar/")
    assert antwoord.status_code == 503
    assert "opslag: fout" in antwoord.content.decode()


def test_lokale_schijf_zonder_bucket(monkeypatch):
    monkeypatch.delenv("MEDIA_S3_BUCKET", raising=False)
    assert media_opslag() == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
