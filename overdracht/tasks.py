"""Background work of phase 4: thin tasks that take ids and call a service.

Rendering and sealing retry with exponential backoff; when the last try fails too, the
reason is stored on the version and shown to the official (instead of failing silently)."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval

from .constants import PDF_POGINGEN

log = logging.getLogger(__name__)


def _wachttijd(pogingen: int) -> int:
    return get_exponential_backoff_interval(
        factor=5, retries=pogingen, maximum=600, full_jitter=True
    )


def _opnieuw_of_opgeven(task, exc: Exception, versie_id: int, *, verzegelen: bool):
    from . import services

    if task.request.retries >= task.max_retries:
        log.exception("Agreement %s: giving up after %s tries", versie_id, task.request.retries + 1)
        services.versie_pdf_mislukt(
            versie_id=versie_id, reden=f"{type(exc).__name__}: {exc}", verzegelen=verzegelen
        )
        return False
    if task.request.is_eager:
        # In-process (development, tests) Celery cannot queue a retry: try again right here.
        log.warning(
            "Agreement %s: try %s failed, trying again", versie_id, task.request.retries + 1
        )
        return task.apply(args=(versie_id,), retries=task.request.retries + 1).result
    raise task.retry(exc=exc, countdown=_wachttijd(task.request.retries))


@shared_task(bind=True, acks_late=True, max_retries=PDF_POGINGEN)
def overeenkomst_pdf_maken(self, versie_id: int) -> bool:
    """Render a fixed version's PDF (once)."""
    from . import services

    try:
        return services.versie_pdf_maken(versie_id=versie_id)
    except Exception as exc:  # noqa: BLE001 - every failure is retried, then shown
        return _opnieuw_of_opgeven(self, exc, versie_id, verzegelen=False)


@shared_task(bind=True, acks_late=True, max_retries=PDF_POGINGEN)
def overeenkomst_verzegelen(self, versie_id: int) -> bool:
    """Make and seal the final PDF once everybody has signed."""
    from . import services

    try:
        return services.versie_verzegelen(versie_id=versie_id)
    except Exception as exc:  # noqa: BLE001 - every failure is retried, then shown
        return _opnieuw_of_opgeven(self, exc, versie_id, verzegelen=True)
