"""The PDF task through a real Redis broker and an in-thread Celery worker (CI sets
CELERY_BROKER_URL=redis://…): the request only queues the work; the worker renders once, also
when the task is queued twice, and retries after a failure."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from celery.signals import task_postrun

from overdracht.constants import PdfStatus

pytestmark = [
    pytest.mark.broker,
    pytest.mark.skipif(
        not os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"),
        reason="needs a real Redis broker: set CELERY_BROKER_URL=redis://…",
    ),
]


@pytest.mark.django_db(transaction=True)
def test_pdf_via_redis_een_keer_en_opnieuw_na_een_fout(
    settings, client, versie, ambtenaar, monkeypatch
):
    from celery.contrib.testing.worker import start_worker

    from aanbesteden.celery import app
    from overdracht import services
    from overdracht.tasks import overeenkomst_pdf_maken

    app.conf.broker_url = os.environ["CELERY_BROKER_URL"]
    echt = services.versie_pdf_renderen
    pogingen: list[int] = []

    def eerst_fout(v, **kw):
        pogingen.append(1)
        if len(pogingen) == 1:
            raise OSError("tijdelijk niet te schrijven")
        return echt(v, **kw)

    monkeypatch.setattr(services.pdf, "versie_pdf_renderen", eerst_fout)
    klaar: list[bool] = []
    slot = threading.Lock()

    def na_taak(sender=None, retval=None, state=None, **kwargs):
        if sender is not None and sender.name == overeenkomst_pdf_maken.name and state == "SUCCESS":
            with slot:
                klaar.append(retval)

    task_postrun.connect(na_taak, weak=False)
    oud = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        app.control.purge()
        with start_worker(app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
            client.force_login(ambtenaar)
            antwoord = client.post(
                f"/trajecten/{versie.traject_id}/overeenkomst/1/vaststellen/",
                {"ondertekenaar": ambtenaar.pk},
            )
            assert antwoord.status_code == 302
            versie.refresh_from_db()
            # The request only queued the work (the first try fails, the retry waits).
            assert versie.pdf_status == PdfStatus.BEZIG
            overeenkomst_pdf_maken.delay(versie.pk)  # queued a second time
            einde = time.monotonic() + 60
            while time.monotonic() < einde and len(klaar) < 2:
                time.sleep(0.1)
    finally:
        app.conf.task_always_eager = oud
        task_postrun.disconnect(na_taak)

    versie.refresh_from_db()
    assert versie.pdf_status == PdfStatus.KLAAR, versie.pdf_fout
    assert sorted(klaar) == [False, True], "exactly one of the two runs made the file"
    assert len(pogingen) == 2, "the first render failed and was retried"
    bestanden = list(Path(settings.MEDIA_ROOT, "prive", "overeenkomsten").iterdir())
    assert len(bestanden) == 1
