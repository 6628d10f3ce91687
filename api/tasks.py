"""Background work of the API: delivering a phase change to a webhook. Thin: an id in, a
service called."""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings

log = logging.getLogger(__name__)


def wachttijd(poging: int) -> int:
    """Seconds before retry ``poging`` (0 = the first retry): doubling from
    ``WEBHOOK_WACHTTIJD_SECONDEN``, at most ten minutes (below the broker's visibility
    timeout)."""
    return min(settings.WEBHOOK_WACHTTIJD_SECONDEN * 2**poging, 600)


#: Tries of one delivery in all: the first and the retries.
POGINGEN = 6


@shared_task(bind=True, acks_late=True, max_retries=POGINGEN - 1)
def webhook_leveren(self, levering_id: int):
    """Deliver; on a failure try again later with a growing wait, and after the last try
    mark the delivery failed. Every attempt is logged on the delivery."""
    from .services import levering_opgegeven, levering_versturen

    if levering_versturen(levering_id=levering_id):
        return True
    if self.request.retries >= self.max_retries:
        levering_opgegeven(levering_id=levering_id)
        return False
    if self.request.is_eager and settings.WEBHOOK_OPNIEUW_DOOR_BEAT:
        # The embedded mode: this runs inside the request that made the phase change. One
        # try here; the delivery stays waiting with the failure logged, and beat's
        # ``webhooks_nalopen`` tries it again when its wait is over.
        log.warning("Webhook delivery %s failed; beat tries it again later", levering_id)
        return False
    if self.request.is_eager:
        # In-process (the embedded mode, the tests): Celery runs the retry at once, without
        # the wait, when the task returns it instead of raising it.
        return self.retry(countdown=wachttijd(self.request.retries), throw=False)
    raise self.retry(countdown=wachttijd(self.request.retries))


@shared_task
def webhooks_nalopen() -> int:
    """The embedded mode's retries (beat, ``WEBHOOK_OPNIEUW_DOOR_BEAT``): one more try of every
    waiting delivery whose wait is over."""
    from .services import leveringen_nalopen

    return leveringen_nalopen()
