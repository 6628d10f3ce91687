"""The agreement PDF: drawn from the traject's data, accessible, with version and content
hash in every footer, and made once per version."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from aanbesteden.models import Traject
from overdracht.constants import PdfStatus, VersieStatus
from overdracht.models import OvereenkomstVersie

pytestmark = pytest.mark.django_db


def _lees(veld) -> PdfReader:
    with veld.open("rb") as f:
        return PdfReader(BytesIO(f.read()))


def test_versie_wordt_opgesteld_uit_de_gegevens_van_het_traject(versie, overdracht_traject):
    assert versie.nummer == 1
    assert versie.status == VersieStatus.CONCEPT
    assert versie.evaluatie_frequentie == overdracht_traject.gemeente.evaluatie_frequentie
    assert versie.looptijd_maanden == 24
    assert versie.eerste_evaluatie > versie.startdatum
    namen = [p["label"] for p in versie.inhoud["partners"]]
    assert namen == ["Woonstede Partner 1", "Woonstede Partner 2"]
    assert versie.inhoud["begroting"]["totaal_kosten"] == "€ 15.000,50"


def test_vaststellen_benoemt_alle_ondertekenaars(vastgesteld, ambtenaar, initiatiefnemer, partner):
    rijen = list(vastgesteld.ondertekeningen.values_list("partij_soort", "ondertekenaar"))
    assert ("initiatief", initiatiefnemer.pk) in rijen
    assert ("partner", partner.pk) in rijen
    assert ("gemeente", ambtenaar.pk) in rijen
    assert len(rijen) == 4
    assert vastgesteld.status == VersieStatus.VASTGESTELD
    assert len(vastgesteld.inhoud_sha256) == 64


def test_pdf_bevat_partijen_indicatoren_mijlpalen_en_totalen(vastgesteld):
    assert vastgesteld.pdf_status == PdfStatus.KLAAR
    lezer = _lees(vastgesteld.pdf)
    tekst = "\n".join(pagina.extract_text() for pagina in lezer.pages)
    vlak = " ".join(tekst.split())
    for verwacht in [
        "Stichting Groen Voorstad",
        "Woonstede Partner 1",
        "Woonstede Partner 2",
        "Gemeente A",
        "Actieve vrijwilligers",
        "Klachten over zwerfafval",
        "Mijlpaal 1: plantvakken fase 1",
        "Mijlpaal 3: plantvakken fase 3",
        "€ 15.000,50",  # total costs
        "€ 15.000,50",  # total tranches
        "Beëindiging en exitplan",
    ]:
        assert verwacht in vlak, verwacht


def test_pdf_is_toegankelijk_met_taal_en_structuur(vastgesteld):
    lezer = _lees(vastgesteld.pdf)
    root = lezer.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).startswith("nl")
    assert lezer.metadata["/traject"] == str(vastgesteld.traject_id)
    assert lezer.metadata["/overeenkomstversie"] == str(vastgesteld.nummer)


def test_elke_pagina_heeft_versie_en_inhoudshash_in_de_voettekst(vastgesteld):
    lezer = _lees(vastgesteld.pdf)
    assert len(lezer.pages) >= 2
    for pagina in lezer.pages:
        tekst = re.sub(r"\s+", "", pagina.extract_text())
        assert f"Versie{vastgesteld.nummer}" in tekst
        assert vastgesteld.inhoud_sha256 in tekst


def test_pdf_hash_klopt_met_het_bestand(vastgesteld):
    import hashlib

    with vastgesteld.pdf.open("rb") as f:
        assert hashlib.sha256(f.read()).hexdigest() == vastgesteld.pdf_sha256


def test_taak_opnieuw_draaien_maakt_geen_tweede_bestand(vastgesteld, settings):
    from pathlib import Path

    from overdracht.tasks import overeenkomst_pdf_maken

    map_ = Path(settings.MEDIA_ROOT) / "prive" / "overeenkomsten"
    voor = sorted(p.name for p in map_.iterdir())
    assert overeenkomst_pdf_maken.delay(vastgesteld.pk).get() is False
    assert sorted(p.name for p in map_.iterdir()) == voor
    vastgesteld.refresh_from_db()
    assert len(voor) == 1 and vastgesteld.pdf.name.endswith(voor[0])


def test_inhoudshash_volgt_uit_inhoud_en_clausules(vastgesteld):
    from overdracht.selectors import inhoud_sha256

    clausules = [{"titel": c.titel, "tekst": c.tekst} for c in vastgesteld.clausules.all()]
    assert inhoud_sha256(vastgesteld.inhoud, clausules) == vastgesteld.inhoud_sha256
    assert inhoud_sha256(vastgesteld.inhoud, [*clausules, {"titel": "x", "tekst": "y"}]) != (
        vastgesteld.inhoud_sha256
    )


def test_mislukte_render_wordt_opnieuw_geprobeerd_en_lukt_dan(
    versie, ambtenaar, monkeypatch, django_capture_on_commit_callbacks
):
    from overdracht import services

    echt = services.versie_pdf_renderen
    pogingen = []

    def eerst_fout(v, **kw):
        pogingen.append(1)
        if len(pogingen) == 1:
            raise OSError("lettertype tijdelijk niet te lezen")
        return echt(v, **kw)

    monkeypatch.setattr(services.pdf, "versie_pdf_renderen", eerst_fout)
    with django_capture_on_commit_callbacks(execute=True):
        services.versie_vaststellen(versie=versie, door=ambtenaar, gemeente_ondertekenaar=ambtenaar)
    versie.refresh_from_db()
    assert len(pogingen) == 2
    assert versie.pdf_status == PdfStatus.KLAAR
    assert versie.pdf_fout == ""


def test_blijvend_mislukte_render_toont_de_reden(
    versie, ambtenaar, client, monkeypatch, django_capture_on_commit_callbacks
):
    from overdracht import services
    from overdracht.constants import PDF_POGINGEN

    pogingen = []

    def altijd_fout(v, **kw):
        pogingen.append(1)
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(services.pdf, "versie_pdf_renderen", altijd_fout)
    with django_capture_on_commit_callbacks(execute=True):
        services.versie_vaststellen(versie=versie, door=ambtenaar, gemeente_ondertekenaar=ambtenaar)
    versie.refresh_from_db()
    assert len(pogingen) == PDF_POGINGEN + 1
    assert versie.pdf_status == PdfStatus.MISLUKT
    assert "schijf vol" in versie.pdf_fout
    client.force_login(ambtenaar)
    antwoord = client.get(f"/trajecten/{versie.traject_id}/overeenkomst/1/")
    assert antwoord.status_code == 200
    assert "schijf vol" in antwoord.content.decode()
    # Trying again after the cause is gone makes the PDF.
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(f"/trajecten/{versie.traject_id}/overeenkomst/1/pdf/opnieuw/")
    assert antwoord.status_code == 302
    versie.refresh_from_db()
    assert versie.pdf_status == PdfStatus.KLAAR


def test_vaststellen_zonder_bevoegde_ondertekenaar_wordt_geweigerd(versie, ambtenaar):
    from overdracht.services import OvereenkomstFout, versie_vaststellen
    from tests.factories import UserFactory

    buitenstaander = UserFactory()
    with pytest.raises(OvereenkomstFout):
        versie_vaststellen(versie=versie, door=ambtenaar, gemeente_ondertekenaar=buitenstaander)
    versie.refresh_from_db()
    assert versie.status == VersieStatus.CONCEPT
    assert not versie.ondertekeningen.exists()
    assert OvereenkomstVersie.objects.count() == 1


def test_vaststellen_antwoordt_meteen_en_de_pagina_toont_dat_de_pdf_wordt_gemaakt(
    client, versie, ambtenaar, django_capture_on_commit_callbacks
):
    client.force_login(ambtenaar)
    url = f"/trajecten/{versie.traject_id}/overeenkomst/1/"
    with django_capture_on_commit_callbacks(execute=False) as taken:
        antwoord = client.post(url + "vaststellen/", {"ondertekenaar": ambtenaar.pk})
    assert antwoord.status_code == 302
    assert len(taken) >= 1  # the PDF task waits for the commit, it did not run in the request
    versie.refresh_from_db()
    assert versie.pdf_status == PdfStatus.BEZIG and not versie.pdf
    pagina = client.get(url).content.decode()
    assert "De PDF wordt gemaakt" in pagina
    assert client.get(url + "pdf/").status_code == 404
    for taak in taken:
        taak()
    versie.refresh_from_db()
    assert versie.pdf_status == PdfStatus.KLAAR
    pagina = client.get(url).content.decode()
    assert url + "pdf/" in pagina
    assert client.get(url + "pdf/").status_code == 200


def test_mislukt_verzegelen_toont_de_reden_en_kan_opnieuw(
    client, vastgesteld, ambtenaar, monkeypatch, django_capture_on_commit_callbacks
):
    from overdracht import zegel

    from .factories import alles_tekenen

    def kapot(data, **kw):
        raise ValueError("certificaat verlopen")

    monkeypatch.setattr(zegel, "pdf_verzegelen", kapot)
    with django_capture_on_commit_callbacks(execute=True):
        alles_tekenen(vastgesteld)
    vastgesteld.refresh_from_db()
    assert vastgesteld.status == VersieStatus.ONDERTEKEND
    assert vastgesteld.verzegeld_status == PdfStatus.MISLUKT
    client.force_login(ambtenaar)
    url = f"/trajecten/{vastgesteld.traject_id}/overeenkomst/1/"
    assert "certificaat verlopen" in client.get(url).content.decode()
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url + "pdf/opnieuw/").status_code == 302
    vastgesteld.refresh_from_db()
    assert vastgesteld.status == VersieStatus.VERZEGELD
    assert Traject.objects.get(pk=vastgesteld.traject_id).status == "evaluatie"
