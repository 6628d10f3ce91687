"""A core task through a real Redis broker and an in-thread Celery worker (CI sets
CELERY_BROKER_URL=redis://…): a notification is mailed exactly once, also when its task is
queued twice."""

import os
import threading
import time

import pytest
from celery.signals import task_postrun
from django.core import mail

from meldingen.constants import NotificatieSoort
from meldingen.models import Notificatie

pytestmark = [
    pytest.mark.broker,
    pytest.mark.skipif(
        not os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"),
        reason="needs a real Redis broker: set CELERY_BROKER_URL=redis://…",
    ),
]


@pytest.mark.django_db(transaction=True)
def test_notificatie_mailen_via_redis_precies_een_keer(settings, initiatiefnemer):
    from celery.contrib.testing.worker import start_worker

    from aanbesteden.celery import app
    from meldingen.tasks import notificatie_mailen

    assert app.conf.broker_url == os.environ["CELERY_BROKER_URL"]
    notificatie = Notificatie.objects.create(
        ontvanger=initiatiefnemer,
        soort=NotificatieSoort.OVERIG,
        onderwerp="Uw traject is bijgewerkt",
        tekst="Er is iets veranderd in uw traject.",
    )
    klaar: list[str] = []
    slot = threading.Lock()

    def na_taak(sender=None, task_id=None, **kwargs):
        if sender is not None and sender.name == notificatie_mailen.name:
            with slot:
                klaar.append(task_id)

    task_postrun.connect(na_taak, weak=False)
    oud = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        app.control.purge()
        with start_worker(app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
            ids = {notificatie_mailen.delay(notificatie.pk).id for _ in range(2)}
            einde = time.monotonic() + 30
            while time.monotonic() < einde and not ids <= set(klaar):
                time.sleep(0.1)
    finally:
        app.conf.task_always_eager = oud
        task_postrun.disconnect(na_taak)

    assert ids <= set(klaar), "the worker did not run both tasks within 30 s"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [initiatiefnemer.email]
    assert mail.outbox[0].subject == "Uw traject is bijgewerkt"
    notificatie.refresh_from_db()
    assert notificatie.gemaild_op is not None


def test_taken_gaan_niet_in_proces_als_er_een_broker_is():
    from aanbesteden.celery import app

    assert app.conf.broker_url.startswith("redis://")
