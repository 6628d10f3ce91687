"""Structured logs: every line carries the request id (and the user id inside a request), and
the request id travels with the Celery tasks queued during the request.

The request id itself is django-guid's (``X-Request-ID``: taken from the trusted proxy or
made new, returned in the response). ``logging_instellingen`` is the ``LOGGING`` of every
runtime mode and of gunicorn's own lines: JSON (``LOG_FORMAT=json``, production's default)
with time, level, logger, message, request id and user id plus the fields a line adds (the
request line: method, path, status, duration), or the same as readable text
(``LOG_FORMAT=tekst``, the embedded mode's default).

This module is read by the settings and by gunicorn's configuration before Django is set up:
it imports no models and reads no settings when imported.
"""

from __future__ import annotations

import logging
from contextvars import ContextVar
from typing import Any

from celery.signals import before_task_publish, setup_logging, task_postrun, task_prerun
from django_guid import get_guid
from django_guid.context import guid as _verzoek_id

#: The Celery message header that carries the request id to the worker.
VERZOEK_ID_HEADER = "request_id"

#: The logged-in user of the request being handled (set by ``VerzoekLogMiddleware``).
gebruiker_id: ContextVar[int | None] = ContextVar("gebruiker_id", default=None)


class VerzoekFilter(logging.Filter):
    """Adds ``request_id`` and ``user_id`` to every record (None outside a request or task)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = get_guid()
        if getattr(record, "user_id", None) is None:
            record.user_id = gebruiker_id.get()
        return True


class ZonderTraceback(logging.Filter):
    """Keeps the line, drops the traceback: for ``DisallowedHost``, which any scanner on the
    internet causes and which says all there is to say in one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


class TekstFormatter(logging.Formatter):
    """Readable lines for the embedded mode: time, level, logger, [request id] message."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        if getattr(record, "request_id", None) is None:
            record.request_id = "-"
        return super().format(record)


class GunicornToegang(logging.Filter):
    """gunicorn's access line also as fields: method, path (without its query string: log-in
    links carry their key there), status, bytes, duration and the request id that the
    response carries (``X-Request-ID``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        atomen = record.args
        if not isinstance(atomen, dict):
            return True

        def atoom(sleutel: str) -> str | None:
            waarde = atomen[sleutel]  # gunicorn's atoms answer "-" for what is missing
            return None if waarde in ("-", None) else str(waarde)

        record.method = atoom("m")
        record.path = atoom("U")
        status, grootte, duur = atoom("s"), atoom("B"), atoom("M")
        record.status = int(status) if status and status.isdigit() else status
        record.bytes = int(grootte) if grootte and grootte.isdigit() else 0
        record.duration_ms = int(duur) if duur and duur.isdigit() else None
        record.request_id = atoom("{x-request-id}o")
        return True


# --- the configuration ----------------------------------------------------------------------
FORMATEN = ("json", "tekst")


def logging_instellingen(*, formaat: str, niveau: str) -> dict:
    from django.core.exceptions import ImproperlyConfigured

    if formaat not in FORMATEN:
        raise ImproperlyConfigured(f"LOG_FORMAT must be one of {', '.join(FORMATEN)}: {formaat!r}")
    from pythonjsonlogger.core import RESERVED_ATTRS

    # Python's warnings (a deprecation, a missing directory) become log lines like the rest,
    # rather than loose text on standard error.
    logging.captureWarnings(True)

    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "verzoek": {"()": "bedrijfsvoering.logboek.VerzoekFilter"},
            "zonder_traceback": {"()": "bedrijfsvoering.logboek.ZonderTraceback"},
        },
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": ["levelname", "name", "message", "process"],
                "rename_fields": {"levelname": "level", "name": "logger", "process": "pid"},
                "timestamp": "time",
                # Django passes the request object along with its own lines: not a field.
                "reserved_attrs": [*RESERVED_ATTRS, "request"],
            },
            "tekst": {"()": "bedrijfsvoering.logboek.TekstFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": formaat,
                "filters": ["verzoek"],
            }
        },
        "root": {"handlers": ["console"], "level": niveau},
        "loggers": {
            # Django's own lines go to the root's handler only (not also to Django's default
            # console handler, which would print them a second time with DEBUG on).
            "django": {"level": niveau, "handlers": [], "propagate": True},
            "axes": {"level": "WARNING"},
            # django-guid tells about every request id it makes or takes.
            "django_guid": {"level": "WARNING"},
            # A request for an unknown host name: one line, no traceback.
            "django.security.DisallowedHost": {"filters": ["zonder_traceback"]},
        },
    }


@setup_logging.connect(weak=False, dispatch_uid="bedrijfsvoering.logging_van_django")
def _logging_van_django(**kwargs: Any) -> None:
    """The worker and beat log as the web does (``LOGGING``: JSON lines with the request id,
    level ``LOG_LEVEL``) instead of in Celery's own format; their ``--loglevel`` is ignored."""
    import logging.config

    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)


# --- the request id in Celery tasks ---------------------------------------------------------
_vorige: dict[str, Any] = {}


@before_task_publish.connect(weak=False, dispatch_uid="bedrijfsvoering.verzoek_id_meegeven")
def _verzoek_id_meegeven(headers: dict | None = None, **kwargs: Any) -> None:
    """A task queued while handling a request (or another task) carries its request id."""
    verzoek_id = get_guid()
    if verzoek_id and headers is not None:
        headers.setdefault(VERZOEK_ID_HEADER, verzoek_id)


@task_prerun.connect(weak=False, dispatch_uid="bedrijfsvoering.verzoek_id_zetten")
def _verzoek_id_zetten(task_id: str | None = None, task: Any = None, **kwargs: Any) -> None:
    """The worker logs the task's lines under the request id it came with; a task from beat
    gets a new one. A task run in-process (embedded mode) keeps the request's own."""
    from django_guid.utils import generate_guid

    if task is None or task_id is None or task.request.is_eager:
        return
    verzoek_id = task.request.get(VERZOEK_ID_HEADER) or generate_guid()
    _vorige[task_id] = _verzoek_id.set(verzoek_id)


@task_postrun.connect(weak=False, dispatch_uid="bedrijfsvoering.verzoek_id_opruimen")
def _verzoek_id_opruimen(task_id: str | None = None, **kwargs: Any) -> None:
    token = _vorige.pop(task_id or "", None)
    if token is not None:
        _verzoek_id.reset(token)
