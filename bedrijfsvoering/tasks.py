"""Background work of the operations side."""

from __future__ import annotations

from celery import shared_task


@shared_task(ignore_result=True)
def hartslag() -> None:
    """Beat's heartbeat, queued every minute (``CELERY_BEAT_SCHEDULE``): a worker stamping the
    time shows that beat queues and a worker runs. ``/gezond/`` checks its age."""
    from .gezondheid import hartslag_zetten

    hartslag_zetten()
