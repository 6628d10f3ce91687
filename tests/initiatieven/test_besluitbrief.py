"""The decision letter: rendered once by a task, failures recorded with their reason and
tried again, downloadable only by the traject's gemeente and initiative."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from aanbesteden.services import traject_transitie
from initiatieven.constants import DocumentStatus, Score
from initiatieven.models import Beoordeling, Besluitbrief, Criteriumscore
from initiatieven.selectors import criteria_voor_gemeente
from initiatieven.tasks import besluitbrief_maken


@pytest.fixture
def beoordeeld(ingediend, ambtenaar):
    beoordeling = Beoordeling.objects.create(voorstel=ingediend.voorstel, beoordelaar=ambtenaar)
    for c in criteria_voor_gemeente(gemeente=ingediend.gemeente):
        Criteriumscore.objects.create(
            beoordeling=beoordeling, criterium=c, score=Score.DEELS, toelichting=f"Over {c.code}"
        )
    return ingediend


def test_brief_een_keer_gemaakt(
    beoordeeld, ambtenaar, initiatiefnemer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        traject_transitie(
            traject=beoordeeld, transitie="toelaten", door=ambtenaar, motivatie="Een sterk plan."
        )
    brief = Besluitbrief.objects.get()
    assert brief.status == DocumentStatus.KLAAR and len(brief.sha256) == 64
    eerste = (brief.bestand.name, brief.sha256)
    besluitmails = [m for m in mail.outbox if "Besluit" in m.subject]
    assert [m.to for m in besluitmails] == [[initiatiefnemer.email]]
    # running the task again (a redelivery) makes no second letter and no second mail
    assert besluitbrief_maken.delay(brief.pk).get() is False
    brief.refresh_from_db()
    assert (brief.bestand.name, brief.sha256) == eerste
    assert len([m for m in mail.outbox if "Besluit" in m.subject]) == 1
    tekst = " ".join(
        "".join(p.extract_text() for p in PdfReader(io.BytesIO(brief.bestand.read())).pages).split()
    )
    assert "Een sterk plan." in tekst and "Over lokaal" in tekst and "bezwaar" in tekst


def test_brief_in_het_engels_voor_engelstalige_initiatiefnemer(
    beoordeeld, ambtenaar, initiatiefnemer, django_capture_on_commit_callbacks
):
    initiatiefnemer.taal = "en"
    initiatiefnemer.save()
    with django_capture_on_commit_callbacks(execute=True):
        traject_transitie(
            traject=beoordeeld, transitie="afwijzen", door=ambtenaar, motivatie="Not local."
        )
    brief = Besluitbrief.objects.get()
    tekst = " ".join(
        "".join(p.extract_text() for p in PdfReader(io.BytesIO(brief.bestand.read())).pages).split()
    )
    assert "objection" in tekst.lower()


def test_mislukte_brief_toont_reden_en_wordt_opnieuw_geprobeerd(
    client, beoordeeld, ambtenaar, monkeypatch, django_capture_on_commit_callbacks
):
    import aanbesteden.pdf

    def kapot(*args, **kwargs):
        raise OSError("lettertype ontbreekt")

    monkeypatch.setattr(aanbesteden.pdf, "template_naar_pdf", kapot)
    with django_capture_on_commit_callbacks(execute=True):
        traject_transitie(
            traject=beoordeeld, transitie="toelaten", door=ambtenaar, motivatie="Goed."
        )
    brief = Besluitbrief.objects.get()
    assert brief.status == DocumentStatus.MISLUKT and "lettertype ontbreekt" in brief.fout
    client.force_login(ambtenaar)
    pagina = client.get(
        reverse("initiatieven:voorstel", kwargs={"pk": beoordeeld.pk})
    ).content.decode()
    assert "mislukt" in pagina and "lettertype ontbreekt" in pagina
    assert (
        client.get(reverse("initiatieven:besluitbrief", kwargs={"pk": beoordeeld.pk})).status_code
        == 404
    )
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            client.post(
                reverse("initiatieven:besluitbrief_opnieuw", kwargs={"pk": beoordeeld.pk})
            ).status_code
            == 302
        )
    brief.refresh_from_db()
    assert brief.status == DocumentStatus.KLAAR and brief.fout == ""
    assert (
        client.get(reverse("initiatieven:besluitbrief", kwargs={"pk": beoordeeld.pk})).status_code
        == 200
    )


def test_taak_probeert_opnieuw_buiten_eager_modus(beoordeeld, monkeypatch):
    """With a real worker a failure is retried later (with back-off)."""
    from celery.exceptions import Retry

    import initiatieven.services

    brief = Besluitbrief.objects.create(voorstel=beoordeeld.voorstel)

    def kapot(**kwargs):
        raise OSError("schijf vol")

    gepland = []

    def retry(exc=None, countdown=None, **kwargs):
        gepland.append((str(exc), countdown))
        return Retry()

    monkeypatch.setattr(initiatieven.services, "besluitbrief_renderen", kapot)
    monkeypatch.setattr(besluitbrief_maken, "retry", retry)
    besluitbrief_maken.push_request(is_eager=False, retries=1)
    try:
        with pytest.raises(Retry):
            besluitbrief_maken.run(brief.pk)
    finally:
        besluitbrief_maken.pop_request()
    assert gepland == [("schijf vol", 120)]
    brief.refresh_from_db()
    assert brief.status == DocumentStatus.MISLUKT and "schijf vol" in brief.fout
