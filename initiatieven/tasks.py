"""Background work of the intake. Tasks are thin: they take ids and call a service."""

from __future__ import annotations

from celery import shared_task


@shared_task(bind=True, acks_late=True, max_retries=5)
def besluitbrief_maken(self, besluitbrief_id: int) -> bool:
    """Render the decision letter. Idempotent: a letter that is ready is left alone. A failure
    is recorded on the letter (with its reason) and retried later."""
    from .services import besluitbrief_mislukt, besluitbrief_renderen

    try:
        return besluitbrief_renderen(besluitbrief_id=besluitbrief_id)
    except Exception as exc:
        besluitbrief_mislukt(besluitbrief_id=besluitbrief_id, fout=f"{type(exc).__name__}: {exc}")
        if self.request.is_eager:
            # In-process mode: the page offers to try again; the request must not fail.
            return False
        raise self.retry(exc=exc, countdown=60 * 2**self.request.retries) from exc
