"""Health: is this process alive, can it serve, and is the background work running?

Three endpoints, each a plain-text page with one line per part (``database: ok``), status
200 when every part is well and 503 otherwise (docs/operations.md):

- ``/gezond/leven/`` (liveness): the process answers; no dependencies. Restart it when not.
- ``/gezond/klaar/`` (readiness, for the load balancer): the database, the cache, the broker
  and the file storage work, so this web process can serve requests.
- ``/gezond/`` (everything, for monitoring): the readiness parts plus a worker that answers
  and a beat whose heartbeat is recent. A stopped worker or beat does not stop the site, so
  the load balancer asks ``/gezond/klaar/``; an operator is alerted on ``/gezond/``.

The checks are django-health-check's (database, cache, storage, Redis, Celery ping); the
beat's heartbeat is ours: a periodic task (``bedrijfsvoering.tasks.hartslag``) stamps the
time in the cache, and the check fails when that stamp is older than
``BEAT_HARTSLAG_MAX_SECONDEN``. In the embedded mode (tasks in-process) there is no broker,
worker or beat to check.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime
import time
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from health_check import Cache, Database, HealthCheck, Storage
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

#: Threads for the checks that block (database, storage, Celery ping), kept across requests:
#: a check that outlives its time-out does not hold up the answer.
_UITVOERDER = ThreadPoolExecutor(max_workers=8, thread_name_prefix="gezondheid")

#: The cache key of the beat's heartbeat: the Unix time of the last ``hartslag`` task.
HARTSLAG_SLEUTEL = "bedrijfsvoering:beat-hartslag"


def hartslag_zetten() -> None:
    cache.set(HARTSLAG_SLEUTEL, time.time(), timeout=None)


def hartslag_leeftijd() -> float | None:
    """Seconds since the last heartbeat, or None when there is none."""
    tijd = cache.get(HARTSLAG_SLEUTEL)
    return None if tijd is None else max(0.0, time.time() - float(tijd))


@dataclasses.dataclass
class BeatHartslag(HealthCheck):
    """Beat queued the heartbeat task and a worker ran it, not longer ago than allowed."""

    max_leeftijd: datetime.timedelta = dataclasses.field(
        default=datetime.timedelta(minutes=5), repr=False
    )

    def run(self) -> None:
        leeftijd = hartslag_leeftijd()
        if leeftijd is None:
            raise ServiceUnavailable("no heartbeat of beat yet")
        if leeftijd > self.max_leeftijd.total_seconds():
            raise ServiceUnavailable(f"last heartbeat of beat {leeftijd:.0f} s ago")


def _achtergrond_aan() -> bool:
    """Whether tasks go through a broker to workers (not in-process)."""
    return not settings.CELERY_TASK_ALWAYS_EAGER


def _broker() -> HealthCheck:
    from health_check.contrib.redis import Redis
    from redis.asyncio import Redis as RedisClient

    url = settings.CELERY_BROKER_URL
    return Redis(
        client_factory=lambda: RedisClient.from_url(url, socket_connect_timeout=2, socket_timeout=2)
    )


def _worker() -> HealthCheck:
    from health_check.contrib.celery import Ping

    from aanbesteden.celery import app

    return Ping(app=app, timeout=datetime.timedelta(seconds=2))


def onderdelen(soort: str) -> list[tuple[str, HealthCheck]]:
    """The parts checked by ``soort`` ("klaar" or "alles"), each with its name on the page."""
    lijst: list[tuple[str, HealthCheck]] = [
        ("database", Database()),
        ("cache", Cache()),
        ("opslag", Storage()),
    ]
    if _achtergrond_aan():
        lijst.append(("broker", _broker()))
        if soort == "alles":
            max_leeftijd = datetime.timedelta(seconds=settings.BEAT_HARTSLAG_MAX_SECONDEN)
            lijst += [("worker", _worker()), ("beat", BeatHartslag(max_leeftijd=max_leeftijd))]
    return lijst


class GezondheidView(HealthCheckView):
    """django-health-check's view (never cached, outside any transaction), answering in plain
    text with a line per part and 503 when one fails. The reason of a failure goes to the log
    (the library logs it), not to the page: the page may be reachable from outside."""

    soort = "klaar"

    async def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        delen = onderdelen(self.soort)
        uitslagen = await asyncio.gather(*(check.get_result(_UITVOERDER) for _naam, check in delen))
        regels = [
            f"{naam}: {'fout' if uitslag.error else 'ok'}"
            for (naam, _check), uitslag in zip(delen, uitslagen, strict=True)
        ]
        fout = any(uitslag.error for uitslag in uitslagen)
        return HttpResponse(
            "\n".join(regels) + "\n",
            content_type="text/plain; charset=utf-8",
            status=503 if fout else 200,
        )


@never_cache
def leven(request: HttpRequest) -> HttpResponse:
    """Liveness: this process answers. Nothing else is asked."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


klaar = GezondheidView.as_view(soort="klaar")
alles = GezondheidView.as_view(soort="alles")
