"""gunicorn's configuration for the web process:

    gunicorn -c python:bedrijfsvoering.gunicorn aanbesteden.wsgi --bind 127.0.0.1:8000

- an access log on standard output, without query strings (log-in links carry their key
  there), with the request id of every response; under ``LOG_FORMAT=json`` (the default)
  gunicorn's own lines are JSON like the platform's;
- ``WEB_WORKERS`` worker processes (default 3);
- with ``PROMETHEUS_MULTIPROC_DIR`` set, the metrics of all workers are summed at
  ``/metrics`` (prometheus_client's multiprocess mode): the directory is emptied when gunicorn
  starts and a finished worker's live gauges are dropped.

Read by gunicorn before Django is set up: it imports nothing of the platform but
``bedrijfsvoering.logboek``.
"""

from __future__ import annotations

import os
from pathlib import Path

from bedrijfsvoering.logboek import logging_instellingen

workers = int(os.environ.get("WEB_WORKERS", "3"))
accesslog = "-"
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms %({x-request-id}o)s'
graceful_timeout = 30
# systemd or the container runtime manages the process; gunicorn's own control socket (in the
# service user's home) is not used.
control_socket_disable = True

_formaat = os.environ.get("LOG_FORMAT", "json")
_config = logging_instellingen(formaat=_formaat, niveau=os.environ.get("LOG_LEVEL", "INFO"))
_config["filters"]["toegang"] = {"()": "bedrijfsvoering.logboek.GunicornToegang"}
_config["loggers"].update(
    {
        "gunicorn.error": {"level": "INFO", "handlers": ["console"], "propagate": False},
        "gunicorn.access": {
            "level": "INFO",
            "handlers": ["console"],
            "filters": ["toegang"],
            "propagate": False,
        },
    }
)
logconfig_dict = _config


def on_starting(server) -> None:
    """Metrics of an earlier run must not count: empty the multiprocess directory."""
    map_ = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if map_:
        Path(map_).mkdir(parents=True, exist_ok=True)
        for bestand in Path(map_).glob("*.db"):
            bestand.unlink()


def child_exit(server, worker) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
