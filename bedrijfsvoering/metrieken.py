"""Prometheus metrics at ``/metrics``, for the internal network only.

- Requests, latencies and database queries: django-prometheus (its middleware, and in
  production its PostgreSQL backend). With several gunicorn workers the numbers of all of
  them are summed through prometheus_client's multiprocess mode (``PROMETHEUS_MULTIPROC_DIR``,
  see ``bedrijfsvoering/gunicorn.py``).
- Celery task outcomes, ``aanbesteden_celery_tasks_total{task, outcome}``: counted by Celery's
  signals wherever a task runs (any worker, any machine) in the shared cache (Redis), and
  read from there when scraped, so any web process shows the total of all workers.
- Queue length, ``aanbesteden_celery_queue_length{queue}``: asked of the broker when scraped.
- The outboxes, counted when scraped: mails owed (``aanbesteden_mails_owed``, the mail outbox's
  rows still to be sent) and given up (``aanbesteden_mails_given_up``); background work open
  (``aanbesteden_work_open``) and overdue (``aanbesteden_work_overdue``).
- Age of beat's heartbeat, ``aanbesteden_beat_heartbeat_age_seconds``.

Who may read them: a request with ``Authorization: Bearer <METRICS_TOKEN>``, or one straight
from an address in ``METRICS_NETWERKEN`` that came through no proxy (no ``X-Forwarded-For``:
behind a proxy on the same machine every visitor would have the proxy's address). Anybody
else gets 403.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import os
from collections.abc import Iterator
from typing import Any

from celery.signals import task_failure, task_retry, task_success
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

log = logging.getLogger(__name__)

UITKOMSTEN = ("success", "failure", "retry")


# --- what is owed -----------------------------------------------------------------------------
def mails_verschuldigd() -> int:
    """How many mails the platform owes: rows of the mail outbox still to be sent (the server
    refused or was away, or no worker sent them yet). Normally near zero; when it grows, mail
    is not going out (SMTP down, workers stopped). The one place that defines it."""
    from meldingen.berichten import mails_overzicht

    return mails_overzicht()["verschuldigd"]


# --- task outcomes, counted in the cache ------------------------------------------------------
def _sleutel(taak: str, uitkomst: str) -> str:
    return f"bedrijfsvoering:taken:{taak}:{uitkomst}"


def taak_uitkomst_tellen(taak: str, uitkomst: str) -> None:
    """Count one outcome of a task; never lets a task fail over its own bookkeeping."""
    sleutel = _sleutel(taak, uitkomst)
    try:
        cache.add(sleutel, 0, timeout=None)
        cache.incr(sleutel)
    except Exception:  # noqa: BLE001 - the cache being down must not fail the task
        log.warning("Could not count outcome %s of task %s", uitkomst, taak, exc_info=True)


def _taaknaam(sender: Any) -> str:
    return getattr(sender, "name", None) or str(sender)


@task_success.connect(weak=False, dispatch_uid="bedrijfsvoering.taak_gelukt")
def _gelukt(sender: Any = None, **kwargs: Any) -> None:
    taak_uitkomst_tellen(_taaknaam(sender), "success")


@task_failure.connect(weak=False, dispatch_uid="bedrijfsvoering.taak_mislukt")
def _mislukt(sender: Any = None, **kwargs: Any) -> None:
    taak_uitkomst_tellen(_taaknaam(sender), "failure")


@task_retry.connect(weak=False, dispatch_uid="bedrijfsvoering.taak_opnieuw")
def _opnieuw(sender: Any = None, **kwargs: Any) -> None:
    taak_uitkomst_tellen(_taaknaam(sender), "retry")


_taken_geladen = False


def _eigen_taken() -> list[str]:
    """The platform's task names; the web process loads every app's tasks module once."""
    global _taken_geladen
    from aanbesteden.celery import app

    if not _taken_geladen:
        app.loader.import_default_modules()
        _taken_geladen = True
    return sorted(naam for naam in app.tasks if not naam.startswith("celery."))


def wachtrijen() -> list[str]:
    from aanbesteden.celery import app

    if app.conf.task_queues:
        return sorted(q.name for q in app.conf.task_queues)
    return [app.conf.task_default_queue]


def wachtrij_lengtes() -> dict[str, int]:
    """Messages waiting per queue, asked of the broker (at most a few seconds)."""
    from aanbesteden.celery import app

    lengtes = {}
    with app.connection_for_read() as verbinding:
        verbinding.ensure_connection(max_retries=1, timeout=2)
        kanaal = verbinding.default_channel
        for naam in wachtrijen():
            try:
                lengtes[naam] = kanaal.queue_declare(queue=naam, passive=True).message_count
            except verbinding.channel_errors:
                # Redis removes an empty queue: the broker does not know it, so it is empty.
                lengtes[naam] = 0
                kanaal = verbinding.channel()
    return lengtes


class AanbestedenCollector:
    """The platform's own metrics, read when scraped."""

    def collect(self) -> Iterator[Any]:
        from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

        from .gezondheid import hartslag_leeftijd

        taken = CounterMetricFamily(
            "aanbesteden_celery_tasks",
            "Outcomes of Celery tasks, counted by every worker.",
            labels=["task", "outcome"],
        )
        namen = _eigen_taken()
        try:
            tellingen = cache.get_many([_sleutel(t, u) for t in namen for u in UITKOMSTEN])
            for t in namen:
                for u in UITKOMSTEN:
                    taken.add_metric([t, u], tellingen.get(_sleutel(t, u), 0))
            yield taken
        except Exception:  # noqa: BLE001 - a failing source leaves out its metric
            log.warning("Metrics: task outcomes not readable from the cache", exc_info=True)

        if not settings.CELERY_TASK_ALWAYS_EAGER:
            try:
                lengtes = wachtrij_lengtes()
            except Exception:  # noqa: BLE001
                log.warning("Metrics: queue lengths not readable from the broker", exc_info=True)
            else:
                wachtrij = GaugeMetricFamily(
                    "aanbesteden_celery_queue_length",
                    "Tasks waiting in the broker, per queue.",
                    labels=["queue"],
                )
                for naam, lengte in lengtes.items():
                    wachtrij.add_metric([naam], lengte)
                yield wachtrij

        try:
            from aanbesteden.werk import werk_overzicht
            from meldingen.berichten import mails_overzicht

            mails, werk = mails_overzicht(), werk_overzicht()
        except Exception:  # noqa: BLE001
            log.warning("Metrics: the outboxes not countable", exc_info=True)
        else:
            yield GaugeMetricFamily(
                "aanbesteden_mails_owed",
                "Mails recorded in the outbox and not sent yet (waiting for a try).",
                value=mails["verschuldigd"],
            )
            yield GaugeMetricFamily(
                "aanbesteden_mails_given_up",
                "Mails given up after the last try (see the admin's list of outgoing mail).",
                value=mails["opgegeven"],
            )
            yield GaugeMetricFamily(
                "aanbesteden_work_open",
                "Background work recorded and not done yet.",
                value=werk["open"],
            )
            yield GaugeMetricFamily(
                "aanbesteden_work_overdue",
                "Background work not done WERK_TE_LAAT_NA seconds after it was asked for.",
                value=werk["te_laat"],
            )

        try:
            leeftijd = hartslag_leeftijd()
        except Exception:  # noqa: BLE001
            leeftijd = None
        if leeftijd is not None:
            yield GaugeMetricFamily(
                "aanbesteden_beat_heartbeat_age_seconds",
                "Seconds since a worker ran the heartbeat task that beat queues every minute.",
                value=leeftijd,
            )


# --- who may read them ------------------------------------------------------------------------
def mag_metrics_lezen(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    if token:
        soort, _, waarde = request.headers.get("Authorization", "").partition(" ")
        if soort.lower() == "bearer" and hmac.compare_digest(waarde.strip(), token):
            return True
    if not settings.METRICS_NETWERKEN:
        return False
    if "HTTP_X_FORWARDED_FOR" in request.META or "HTTP_FORWARDED" in request.META:
        return False
    try:
        adres = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(
        adres in ipaddress.ip_network(netwerk, strict=False)
        for netwerk in settings.METRICS_NETWERKEN
    )


def _register():
    """The registry to show: this process's metrics, or with several gunicorn workers all of
    theirs (multiprocess mode), plus the platform's own."""
    from prometheus_client import REGISTRY, CollectorRegistry, multiprocess

    register = CollectorRegistry(auto_describe=False)
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(register)
    else:
        register.register(_Proces(REGISTRY))
    register.register(AanbestedenCollector())
    return register


class _Proces:
    """The default registry of this process, as one collector."""

    def __init__(self, register: Any) -> None:
        self.register = register

    def collect(self) -> Iterator[Any]:
        return self.register.collect()


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    if not mag_metrics_lezen(request):
        return HttpResponse(
            _("Alleen voor het interne netwerk.") + "\n", status=403, content_type="text/plain"
        )
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    return HttpResponse(generate_latest(_register()), content_type=CONTENT_TYPE_LATEST)
