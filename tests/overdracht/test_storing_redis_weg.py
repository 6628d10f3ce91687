"""Fault test: the broker (a Redis server of the test's own) is stopped while an official
fixes an agreement version. The request answers as usual, the change is committed and the
work it owes is kept in the database; when Redis is back, the sweep that beat runs offers it
again and a real worker makes the PDF and mails the signing requests, exactly once."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from django.core import mail

from aanbesteden.models import Werk
from meldingen.constants import MailStatus
from meldingen.models import Uitgaandemail
from overdracht.constants import PdfStatus
from tests.storingen import celery_op, redis_server, wacht_tot

pytestmark = [pytest.mark.broker, pytest.mark.storing]

PDF_TAAK = "overdracht.tasks.overeenkomst_pdf_maken"


@pytest.mark.django_db(transaction=True)
def test_redis_weg_tijdens_vaststellen_werk_daarna_precies_een_keer(
    settings, client, versie, ambtenaar, tmp_path
):
    from celery.contrib.testing.worker import start_worker

    from aanbesteden.celery import app
    from aanbesteden.werk import werk_nalopen, werk_overzicht
    from overdracht.tasks import overeenkomst_pdf_maken

    settings.WERK_OPNIEUW_NA = 0  # the sweep offers owed work again at once
    client.force_login(ambtenaar)
    with redis_server(tmp_path) as redis, celery_op(redis.url):
        redis.stop()
        begin = time.monotonic()
        antwoord = client.post(
            f"/trajecten/{versie.traject_id}/overeenkomst/1/vaststellen/",
            {"ondertekenaar": ambtenaar.pk},
        )
        # The change is committed and the page answers as usual, without waiting long.
        assert antwoord.status_code == 302
        assert time.monotonic() - begin < 10
        versie.refresh_from_db()
        assert versie.status == "vastgesteld"
        assert versie.pdf_status == PdfStatus.BEZIG
        werk = Werk.objects.get(taak=PDF_TAAK)
        assert werk.klaar_op is None
        assert werk.laatste_fout == "broker unavailable"
        assert werk_overzicht()["open"] == 1  # what the metrics show the operator

        redis.start()  # back, and empty
        with start_worker(app, perform_ping_check=False, pool="solo", shutdown_timeout=10):

            def klaar() -> bool:
                werk_nalopen()  # what beat runs every minute
                versie.refresh_from_db()
                werk.refresh_from_db()
                return (
                    versie.pdf_status == PdfStatus.KLAAR
                    and werk.klaar_op is not None
                    and not Uitgaandemail.objects.filter(status=MailStatus.WACHTEN).exists()
                )

            wacht_tot(klaar, seconden=60, stap=0.5, wat="the PDF is made and mailed")
            # Offered again (a second sweep, a duplicate message): nothing is made twice.
            overeenkomst_pdf_maken.delay(versie_id=versie.pk)
            werk_nalopen()
            time.sleep(2)

    versie.refresh_from_db()
    assert versie.pdf_status == PdfStatus.KLAAR, versie.pdf_fout
    assert len(list(Path(settings.MEDIA_ROOT, "prive", "overeenkomsten").iterdir())) == 1
    ondertekenaars = sorted(o.ondertekenaar.email for o in versie.ondertekeningen.all())
    assert sorted(m.to[0] for m in mail.outbox) == ondertekenaars, "one signing request each"
    assert Uitgaandemail.objects.filter(status=MailStatus.VERZONDEN).count() == len(ondertekenaars)
