"""The beat task through a real Redis broker and an in-thread Celery worker."""

import datetime
import os
import time

import pytest
from django.conf import settings

from evaluatie.models import Evaluatiemoment, Herinnering

from .factories import VANDAAG, in_status

pytestmark = [
    pytest.mark.broker,
    pytest.mark.skipif(
        not os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"),
        reason="needs a real Redis broker: set CELERY_BROKER_URL=redis://…",
    ),
]


def test_beat_planning_staat_in_de_instellingen():
    entry = settings.CELERY_BEAT_SCHEDULE["evaluatie-herinneringen"]
    assert entry["task"] == "evaluatie.tasks.herinneringen_scannen"


@pytest.mark.django_db(transaction=True)
def test_scan_via_redis_en_worker(klok, traject, ambtenaar, initiatiefnemer, bevestigde_partner):
    from celery.contrib.testing.worker import start_worker

    from aanbesteden.celery import app
    from evaluatie.tasks import herinneringen_scannen

    traject = in_status(traject, "evaluatie")
    momenten = [
        Evaluatiemoment.objects.create(
            traject=traject, gepland_op=VANDAAG + datetime.timedelta(days=d), extra=True
        )
        for d in (14, 0)
    ]
    oud = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        app.control.purge()
        with start_worker(app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
            herinneringen_scannen.delay()
            einde = time.monotonic() + 30
            while time.monotonic() < einde:
                if Herinnering.objects.filter(verzonden_op__isnull=False).count() == 2:
                    break
                time.sleep(0.2)
    finally:
        app.conf.task_always_eager = oud
    assert sorted(Herinnering.objects.values_list("moment_id", "soort")) == sorted(
        [(momenten[0].pk, "14d"), (momenten[1].pk, "0d")]
    )
