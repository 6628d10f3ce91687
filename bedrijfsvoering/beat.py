"""One beat at a time: django-celery-beat's scheduler behind a lock in Redis.

Beat must run exactly once: two would queue every periodic task twice. ``EnkeleBeatScheduler``
(``CELERY_BEAT_SCHEDULER``) schedules only while it holds the lock ``aanbesteden:beat`` in the
broker's Redis, renewed at every tick (at most every few seconds) and lapsing
``SLOT_SECONDEN`` after the last renewal. A second beat started by mistake, or on purpose as
a standby on another machine, waits: it takes over within that time when the first stops or
dies, and schedules nothing until then.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from django_celery_beat.schedulers import DatabaseScheduler

log = logging.getLogger(__name__)

#: The lock's name in Redis, and how long it lasts without renewal.
SLOT_SLEUTEL = "aanbesteden:beat"
SLOT_SECONDEN = 60
#: How long a waiting beat sleeps before it tries again.
WACHTEN_SECONDEN = 5.0


class BeatSlot:
    """The lock that makes one beat the one that schedules (a redis-py lock)."""

    def __init__(self, url: str, *, sleutel: str = SLOT_SLEUTEL, seconden: int = SLOT_SECONDEN):
        import redis

        self._client = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=5)
        self._slot = self._client.lock(sleutel, timeout=seconden, thread_local=False)
        self.houder = False

    def vasthouden(self) -> bool:
        """Take the lock or renew it; whether this beat holds it now."""
        from redis.exceptions import LockError, RedisError

        try:
            if self.houder:
                self._slot.reacquire()
            else:
                self.houder = bool(self._slot.acquire(blocking=False))
                if self.houder:
                    log.info("beat: took the lock %s; this beat schedules", self._slot.name)
        except LockError:
            log.warning("beat: lost the lock %s; another beat may schedule", self._slot.name)
            self.houder = False
        except RedisError:
            log.warning("beat: Redis not reachable; not scheduling", exc_info=True)
            self.houder = False
        return self.houder

    def loslaten(self) -> None:
        from redis.exceptions import LockError, RedisError

        if self.houder:
            with contextlib.suppress(LockError, RedisError):
                self._slot.release()
            self.houder = False


class EnkeleBeatScheduler(DatabaseScheduler):
    """django-celery-beat's ``DatabaseScheduler`` (the schedule in the database, editable in
    the admin) that schedules only while it holds the ``BeatSlot``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._slot: BeatSlot | None = None
        self._wachtend_gemeld = False
        super().__init__(*args, **kwargs)

    def _beat_slot(self) -> BeatSlot | None:
        if self._slot is None:
            url = self.app.conf.broker_url or ""
            if not url.startswith(("redis://", "rediss://")):
                return None  # no Redis to lock in: the documented single beat must do
            self._slot = BeatSlot(url)
        return self._slot

    def tick(self, *args: Any, **kwargs: Any) -> float:
        slot = self._beat_slot()
        if slot is not None and not slot.vasthouden():
            if not self._wachtend_gemeld:
                log.info("beat: another beat holds the lock; waiting")
                self._wachtend_gemeld = True
            return WACHTEN_SECONDEN
        self._wachtend_gemeld = False
        return super().tick(*args, **kwargs)

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self._slot is not None:
                self._slot.loslaten()
