"""The scheduled tasks in the embedded mode (``make run``): Celery's own beat, in a thread of
the development server, on the schedule of production (``CELERY_BEAT_SCHEDULE``).

Without a broker the tasks run in-process (``CELERY_TASK_ALWAYS_EAGER``), so beat needs no
server either: it talks to kombu's in-memory transport and each task it sends runs right
there, in beat's thread. Its schedule lives in memory (celery's plain ``Scheduler``), not in
the database: the embedded SQLite database then has one writer less, and a restart starts
the schedule afresh. Production runs beat as its own process with django-celery-beat's
database schedule behind a lock (``bedrijfsvoering.beat``)."""

from __future__ import annotations

import logging
from threading import Thread

log = logging.getLogger(__name__)

SCHEDULER = "celery.beat:Scheduler"


def beat_starten(app=None) -> Thread:
    """Start beat in a daemon thread of this process and return the thread. Only for the
    embedded mode: with a real broker, tasks belong to a worker and beat to its own process."""
    from celery.beat import EmbeddedService

    if app is None:
        from aanbesteden.celery import app
    if not app.conf.task_always_eager:
        raise RuntimeError(
            "Beat runs in the web process only in the embedded mode (no CELERY_BROKER_URL): "
            "with a broker, start `celery -A aanbesteden worker` and `celery -A aanbesteden beat`."
        )
    if not app.conf.broker_url:
        app.conf.broker_url = "memory://localhost/"
    # The apps' task modules, as a worker or beat process imports them at its start: beat
    # runs a task in-process only when it knows it (an unknown name it would only send).
    app.loader.import_default_modules()
    draad = EmbeddedService(app, thread=True, scheduler_cls=SCHEDULER)
    draad.start()
    log.info(
        "beat: started in this process (embedded mode): %s",
        ", ".join(sorted(app.conf.beat_schedule)),
    )
    return draad
