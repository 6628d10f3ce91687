"""The broker's visibility timeout (Redis): a task a worker took but did not acknowledge
(acks_late) goes to another worker after this time. It must exceed the longest time a
message stays unacknowledged, the longest retry countdown plus the run, or a task waiting
for its retry would be handed out twice."""

from __future__ import annotations

from django.conf import settings


def _langste_wachttijd() -> int:
    from celery.utils.time import get_exponential_backoff_interval

    from initiatieven.tasks import besluitbrief_maken
    from overdracht.constants import PDF_POGINGEN

    # The decision letter: 60 s * 2 ** tries (initiatieven/tasks.py), before its last try.
    besluit = 60 * 2 ** (besluitbrief_maken.max_retries - 1)
    # The agreement: exponential back-off capped at 600 s (overdracht/tasks.py).
    overeenkomst = get_exponential_backoff_interval(
        factor=5, retries=PDF_POGINGEN, maximum=600, full_jitter=False
    )
    # The mail tasks: Celery's retry_backoff, capped at retry_backoff_max (600 s by default).
    from meldingen.tasks import notificatie_mailen

    assert notificatie_mailen.retry_backoff is True
    mail = getattr(notificatie_mailen, "retry_backoff_max", 600)  # Celery's default
    # A webhook delivery: doubling, capped at ten minutes (api/tasks.py).
    from api.tasks import wachttijd, webhook_leveren

    webhook = max(wachttijd(n) for n in range(webhook_leveren.max_retries + 1))
    return max(besluit, overeenkomst, mail, webhook)


def test_zichtbaarheid_ruimer_dan_de_langste_wachttijd_plus_een_run():
    zichtbaar = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert zichtbaar >= _langste_wachttijd() + 10 * 60
    from aanbesteden.celery import app

    assert app.conf.broker_transport_options["visibility_timeout"] == zichtbaar
