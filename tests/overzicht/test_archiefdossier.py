"""The archive dossier: a ZIP built in the background with every document, the structured
data and the timeline, and an index whose SHA-256 matches every file."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import reverse
from django_fsm_log.models import StateLog

from overzicht.models import Dossier

from .factories import versie_maken, voorstel_maken


@pytest.fixture
def dossier_traject(traject, ambtenaar):
    from initiatieven.models import Besluitbrief, Bijlage

    voorstel = voorstel_maken(traject)
    brief = Besluitbrief.objects.create(voorstel=voorstel, status="klaar")
    brief.bestand.save("besluit.pdf", ContentFile(b"%PDF-1.7 besluitbrief"))
    bijlage = Bijlage(
        voorstel=voorstel, naam="begroting 2025.xlsx", mime="application/x", grootte=5, sha256=""
    )
    bijlage.bestand.save("begroting.xlsx", ContentFile(b"excel"), save=False)
    bijlage.save()
    oud = versie_maken(traject, nummer=1, status="vervangen")
    oud.pdf.save("v1.pdf", ContentFile(b"%PDF-1.7 versie 1"))
    nieuw = versie_maken(traject, nummer=2, status="verzegeld")
    nieuw.pdf.save("v2.pdf", ContentFile(b"%PDF-1.7 versie 2"))
    nieuw.verzegeld_pdf.save("v2-zegel.pdf", ContentFile(b"%PDF-1.7 verzegeld"))
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(traject),
        object_id=traject.pk,
        source_state="concept",
        state="ingediend",
        transition="indienen",
        by=ambtenaar,
        description="Ingediend",
    )
    return traject


def test_dossier_zip_met_index(
    dossier_traject, ambtenaar, client, django_capture_on_commit_callbacks
):
    client.force_login(ambtenaar)
    url = reverse("overzicht:dossier", kwargs={"pk": dossier_traject.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    dossier = Dossier.objects.get(traject=dossier_traject)
    assert dossier.status == "klaar"
    pagina = client.get(url)
    assert "Downloaden" in pagina.content.decode()
    download = client.get(
        reverse(
            "overzicht:dossier_download", kwargs={"pk": dossier_traject.pk, "dossier": dossier.pk}
        )
    )
    assert download.status_code == 200
    data = b"".join(download.streaming_content)
    assert hashlib.sha256(data).hexdigest() == dossier.sha256
    zf = zipfile.ZipFile(io.BytesIO(data))
    namen = set(zf.namelist())
    verwacht = {
        "besluitbrief/besluitbrief.pdf",
        "overeenkomst/versie-1.pdf",
        "overeenkomst/versie-2.pdf",
        "overeenkomst/versie-2-verzegeld.pdf",
        "gegevens.json",
        "tijdlijn.json",
        "index.json",
        "SHA256SUMS",
    }
    assert verwacht <= namen
    bijlagen = [n for n in namen if n.startswith("bijlagen/")]
    assert len(bijlagen) == 1 and bijlagen[0].endswith("begroting_2025.xlsx")
    index = json.loads(zf.read("index.json"))
    in_index = {b["naam"]: b["sha256"] for b in index["bestanden"]}
    assert set(in_index) == namen - {"index.json", "SHA256SUMS"}
    for naam, sha in in_index.items():
        assert hashlib.sha256(zf.read(naam)).hexdigest() == sha, naam
    assert zf.read("overeenkomst/versie-2-verzegeld.pdf") == b"%PDF-1.7 verzegeld"
    assert index["ontbrekend"] == []
    sums = zf.read("SHA256SUMS").decode().split("\n")
    assert f"{in_index['gegevens.json']}  gegevens.json" in sums
    gegevens = json.loads(zf.read("gegevens.json"))
    assert gegevens["aanbesteden.traject"][0]["pk"] == dossier_traject.pk
    assert len(gegevens["overdracht.overeenkomstversie"]) == 2
    tijdlijn = json.loads(zf.read("tijdlijn.json"))
    assert tijdlijn[0]["stap"] == "indienen" and tijdlijn[0]["motivatie"] == "Ingediend"


def test_dubbel_aanvragen_maakt_een_dossier(dossier_traject, ambtenaar):
    from overzicht.services.dossier import dossier_aanvragen

    eerste = dossier_aanvragen(traject=dossier_traject, door=ambtenaar)
    tweede = dossier_aanvragen(traject=dossier_traject, door=ambtenaar)
    assert eerste.pk == tweede.pk
    assert Dossier.objects.count() == 1


@pytest.mark.parametrize(
    "rol,status",
    [
        ("initiatiefnemer", 403),
        ("partner", 403),
        ("ambtenaar_andere_gemeente", 404),
        ("initiatiefnemer_ander_traject", 404),
    ],
)
def test_dossier_alleen_voor_de_gemeente(traject, rollen, rol, status, client):
    client.force_login(rollen[rol])
    url = reverse("overzicht:dossier", kwargs={"pk": traject.pk})
    assert client.get(url).status_code == status
    assert client.post(url).status_code == status
    assert Dossier.objects.count() == 0


def test_trajectpagina_toont_archief_alleen_aan_de_gemeente(
    traject, ambtenaar, initiatiefnemer, client
):
    from aanbesteden.models import Traject

    Traject.objects.filter(pk=traject.pk).update(status="evaluatie")
    link = reverse("overzicht:dossier", kwargs={"pk": traject.pk})
    client.force_login(ambtenaar)
    assert link in client.get(traject.get_absolute_url()).content.decode()
    client.force_login(initiatiefnemer)
    assert link not in client.get(traject.get_absolute_url()).content.decode()


def test_verloren_aanvraag_blokkeert_niet(dossier_traject, ambtenaar):
    import time_machine

    from overzicht.services.dossier import dossier_aanvragen

    with time_machine.travel("2026-01-01 09:00 +01:00"):
        eerste = dossier_aanvragen(traject=dossier_traject, door=ambtenaar)
    tweede = dossier_aanvragen(traject=dossier_traject, door=ambtenaar)
    assert eerste.pk != tweede.pk


def test_dossier_van_ander_traject_404(traject, ander_traject, ambtenaar, client):
    dossier = Dossier.objects.create(traject=ander_traject, status="klaar")
    dossier.bestand.save("d.zip", ContentFile(b"PK"))
    client.force_login(ambtenaar)
    url = reverse("overzicht:dossier_download", kwargs={"pk": traject.pk, "dossier": dossier.pk})
    assert client.get(url).status_code == 404
