"""A phase change delivered through Redis and a real Celery worker (CI sets
CELERY_BROKER_URL=redis://…): the receiver started by the test first answers 500, the worker
tries again after the wait and the receiver then has the same delivery twice, logged as two
attempts; a second phase change is one more delivery."""

from __future__ import annotations

import os
import time

import pytest

from aanbesteden.services import traject_transitie
from api.constants import LeveringStatus
from api.fasen import WEBHOOKS
from api.models import Webhookabonnement, Webhooklevering
from tests.factories import TrajectFactory

from . import ontvanger as ontvanger_module
from .factories import applicatie_maken

pytestmark = [
    pytest.mark.broker,
    pytest.mark.skipif(
        not os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"),
        reason="needs a real Redis broker: set CELERY_BROKER_URL=redis://…",
    ),
]


def _wacht_tot(voorwaarde, seconden=30) -> bool:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.django_db(transaction=True)
def test_webhook_via_redis_opnieuw_na_500(gemeente, ambtenaar, initiatiefnemer, geen_vereisten):
    from celery.contrib.testing.worker import start_worker

    from aanbesteden.celery import app
    from api.constants import Scope

    for transitie, gevolg in WEBHOOKS.items():
        geen_vereisten.na_transitie(transitie)(gevolg)
    ontvanger, server = ontvanger_module.start([500])
    applicatie, _token = applicatie_maken(gemeente, Scope.LEZEN_SCHRIJVEN)
    Webhookabonnement.objects.create(applicatie=applicatie, url=ontvanger.url, geheim="geheim")
    traject = TrajectFactory(gemeente=gemeente, initiatiefnemer=initiatiefnemer)
    oud = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        app.control.purge()
        with start_worker(app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
            traject_transitie(traject=traject, transitie="indienen", door=initiatiefnemer)
            assert _wacht_tot(
                lambda: Webhooklevering.objects.filter(status=LeveringStatus.GELEVERD).count() == 1
            ), "the worker did not deliver within 30 s"
            traject_transitie(traject=traject, transitie="toelaten", door=ambtenaar, motivatie="Ja")
            assert _wacht_tot(
                lambda: Webhooklevering.objects.filter(status=LeveringStatus.GELEVERD).count() == 2
            )
            time.sleep(1)  # nothing more arrives
    finally:
        app.conf.task_always_eager = oud
        server.shutdown()
        server.server_close()

    assert len(ontvanger.ontvangen) == 3
    eerste, tweede, derde = ontvanger.ontvangen
    assert eerste.inhoud == tweede.inhoud != derde.inhoud
    leveringen = Webhooklevering.objects.order_by("pk")
    assert [(lv.aantal_pogingen, lv.status) for lv in leveringen] == [
        (2, LeveringStatus.GELEVERD),
        (1, LeveringStatus.GELEVERD),
    ]
    assert [p.statuscode for p in leveringen[0].pogingen.all()] == [500, 200]
