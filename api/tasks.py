"""Background work of the API: delivering a phase change to a webhook. Thin: an id in, a
service called."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings


def wachttijd(poging: int) -> int:
    """Seconds before retry ``poging`` (0 = the first retry): doubling from
    ``WEBHOOK_WACHTTIJD_SECONDEN``, at most ten minutes (below the broker's visibility
    timeout)."""
    return min(settings.WEBHOOK_WACHTTIJD_SECONDEN * 2**poging, 600)


@shared_task(bind=True, acks_late=True, max_retries=5)
def webhook_leveren(self, levering_id: int):
    """Deliver; on a failure try again later with a growing wait, and after the last try
    mark the delivery failed. Every attempt is logged on the delivery."""
    from .services import levering_opgegeven, levering_versturen

    if levering_versturen(levering_id=levering_id):
        return True
    if self.request.retries >= self.max_retries:
        levering_opgegeven(levering_id=levering_id)
        return False
    if self.request.is_eager:
        # In-process (the embedded mode, the tests): Celery runs the retry at once, without
        # the wait, when the task returns it instead of raising it.
        return self.retry(countdown=wachttijd(self.request.retries), throw=False)
    raise self.retry(countdown=wachttijd(self.request.retries))
