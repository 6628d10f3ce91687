"""Logs: JSON lines on standard output with time, level, logger, message, the request id and
the user; the request id comes from the trusted proxy or is made, is returned in the response
and goes along into the tasks the request queues; a request for an unknown host is one line
without a traceback; the access log of gunicorn is JSON too and holds no query strings."""

from __future__ import annotations

import io
import json
import logging
import logging.config
import os
import sys
import threading
import time
import uuid

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from bedrijfsvoering.logboek import logging_instellingen
from bedrijfsvoering.middleware import verzoek_id_middleware

from .hulp import gunicorn, opvragen
from .taken import taak_die_logt

LOGGERS = ("", "django", "axes", "django_guid", "django.security.DisallowedHost")


@pytest.fixture
def json_log():
    """The production logging configuration (JSON) for one test; the lines it wrote (its
    handler writes to standard output, here to a buffer instead)."""
    bewaard = {}
    for naam in LOGGERS:
        logger = logging.getLogger(naam)
        bewaard[naam] = (logger.handlers[:], logger.filters[:], logger.level, logger.propagate)
    logging.config.dictConfig(logging_instellingen(formaat="json", niveau="INFO"))
    (console,) = [h for h in logging.getLogger().handlers if h.name == "console"]
    assert console.stream is sys.stdout
    uit = io.StringIO()
    console.setStream(uit)

    def regels() -> list[dict]:
        return [json.loads(regel) for regel in uit.getvalue().splitlines() if regel.strip()]

    yield regels
    for naam, (handlers, filters, niveau, doorgeven) in bewaard.items():
        logger = logging.getLogger(naam)
        logger.handlers[:] = handlers
        logger.filters[:] = filters
        logger.level = niveau
        logger.propagate = doorgeven


@pytest.mark.django_db
def test_json_regel_per_verzoek_met_verzoek_id_en_gebruiker(
    client, settings, json_log, initiatiefnemer
):
    settings.VERTROUWDE_PROXIES = 1
    verzoek_id = uuid.uuid4().hex
    client.force_login(initiatiefnemer)
    antwoord = client.get("/mijn/?pagina=1", HTTP_X_REQUEST_ID=verzoek_id)
    assert antwoord.status_code == 200
    assert antwoord["X-Request-ID"] == verzoek_id
    (regel,) = [r for r in json_log() if r["logger"] == "bedrijfsvoering.verzoeken"]
    assert regel["level"] == "INFO"
    assert regel["message"] == "GET /mijn/ 200"
    assert (regel["method"], regel["path"], regel["status"]) == ("GET", "/mijn/", 200)
    assert regel["request_id"] == verzoek_id
    assert regel["user_id"] == initiatiefnemer.pk
    assert isinstance(regel["duration_ms"], float)
    assert regel["time"].endswith("+00:00") and "T" in regel["time"]


@pytest.mark.django_db
def test_verzoek_id_wordt_gemaakt_zonder_vertrouwde_proxy(client, settings, json_log):
    """Without a trusted proxy a client cannot choose the id its lines are logged under."""
    settings.VERTROUWDE_PROXIES = 0
    gekozen = uuid.uuid4().hex
    antwoord = client.get("/toegankelijkheid/", HTTP_X_REQUEST_ID=gekozen)
    eigen = antwoord["X-Request-ID"]
    assert eigen and eigen != gekozen
    assert uuid.UUID(eigen)
    regels = [r for r in json_log() if r["logger"] == "bedrijfsvoering.verzoeken"]
    assert [r["request_id"] for r in regels] == [eigen]
    assert regels[0]["user_id"] is None


@pytest.mark.django_db
def test_wachtwoordlink_en_zoekvraag_niet_in_het_logboek(client, json_log):
    """One-time links carry their key in the query string, reset links in the path."""
    client.get("/inloglink/gebruiken/?sleutel=geheime-sleutel-123")
    client.get("/wachtwoord/nieuw/MQ/geheim-token-456/")
    regels = json_log()
    tekst = json.dumps(regels)
    assert "geheime-sleutel-123" not in tekst and "geheim-token-456" not in tekst
    paden = [r["path"] for r in regels if r["logger"] == "bedrijfsvoering.verzoeken"]
    assert paden == ["/inloglink/gebruiken/", "/wachtwoord/nieuw/MQ/[token]/"]


@pytest.mark.django_db
def test_onbekende_host_is_een_regel_zonder_traceback(client, settings, json_log):
    settings.ALLOWED_HOSTS = ["aanbesteden.example.nl"]
    antwoord = client.get("/toegankelijkheid/", HTTP_HOST="scanner.example.com")
    assert antwoord.status_code == 400
    regels = json_log()
    host = [r for r in regels if r["logger"] == "django.security.DisallowedHost"]
    assert len(host) == 1
    assert "scanner.example.com" in host[0]["message"]
    assert "exc_info" not in host[0]
    assert "Traceback" not in json.dumps(regels)


def test_verzoek_id_gaat_mee_in_een_taak_in_het_proces(settings, json_log):
    """Embedded mode: a task run in-process during the request logs under its request id,
    and the request keeps it afterwards."""
    settings.VERTROUWDE_PROXIES = 1
    verzoek_id = uuid.uuid4().hex
    ids_na_de_taak = []

    def view(request):
        assert taak_die_logt.delay().get() == "klaar"
        logging.getLogger("tests.bedrijfsvoering.view").info("na de taak")
        return HttpResponse("ok")

    antwoord = verzoek_id_middleware(view)(RequestFactory().get("/", HTTP_X_REQUEST_ID=verzoek_id))
    assert antwoord["X-Request-ID"] == verzoek_id
    regels = {r["message"]: r for r in json_log()}
    assert regels["de taak loopt"]["request_id"] == verzoek_id
    assert regels["na de taak"]["request_id"] == verzoek_id
    ids_na_de_taak.append(regels["na de taak"]["request_id"])


@pytest.mark.broker
@pytest.mark.skipif(
    not os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"),
    reason="needs a real Redis broker: set CELERY_BROKER_URL=redis://…",
)
@pytest.mark.django_db(transaction=True)
def test_verzoek_id_gaat_mee_naar_de_worker(json_log):
    """Through Redis to a real (in-thread) worker: the task's line carries the request id of
    the request that queued it; a task from beat (no request) gets an id of its own."""
    from celery.contrib.testing.worker import start_worker
    from celery.signals import task_postrun
    from django_guid.context import guid

    from aanbesteden.celery import app

    klaar: list[str] = []
    slot = threading.Lock()

    def na_taak(sender=None, task_id=None, **kwargs):
        with slot:
            klaar.append(task_id)

    task_postrun.connect(na_taak, weak=False)
    oud = app.conf.task_always_eager
    app.conf.task_always_eager = False
    verzoek_id = uuid.uuid4().hex
    try:
        app.control.purge()
        with start_worker(app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
            token = guid.set(verzoek_id)
            try:
                met_verzoek = taak_die_logt.delay().id
            finally:
                guid.reset(token)
            zonder_verzoek = taak_die_logt.delay().id
            einde = time.monotonic() + 30
            while time.monotonic() < einde and not {met_verzoek, zonder_verzoek} <= set(klaar):
                time.sleep(0.1)
    finally:
        app.conf.task_always_eager = oud
        task_postrun.disconnect(na_taak)
    assert {met_verzoek, zonder_verzoek} <= set(klaar), "the worker did not run the tasks in 30 s"
    ids = [r["request_id"] for r in json_log() if r["message"] == "de taak loopt"]
    assert len(ids) == 2
    assert ids[0] == verzoek_id
    assert ids[1] and ids[1] != verzoek_id


def test_tekst_in_de_ingebedde_modus(capsys):
    from bedrijfsvoering.logboek import TekstFormatter, VerzoekFilter

    handler = logging.StreamHandler()
    handler.setFormatter(TekstFormatter())
    handler.addFilter(VerzoekFilter())
    record = logging.LogRecord("tests", logging.WARNING, __file__, 1, "let op %s", ("dit",), None)
    regel = handler.format(record) if handler.filter(record) else ""
    assert regel.endswith(" WARNING tests [-] let op dit")


def test_gunicorn_schrijft_een_json_toegangslog_zonder_zoekvraag(productie, tmp_path):
    with gunicorn(productie, tmp_path / "gunicorn.log") as web:
        antwoord = opvragen(
            f"{web.url}/inloglink/gebruiken/?sleutel=geheime-sleutel-789",
            Host="aanbesteden.example.nl",
        )
        verzoek_id = antwoord.headers["X-Request-ID"]
    assert antwoord.status == 301  # plain HTTP: to HTTPS first
    regels = [json.loads(r) for r in web.regels() if r.startswith("{")]
    toegang = [r for r in regels if r["logger"] == "gunicorn.access"]
    (regel,) = [r for r in toegang if r["path"] == "/inloglink/gebruiken/"]
    assert (regel["method"], regel["status"], regel["request_id"]) == ("GET", 301, verzoek_id)
    assert isinstance(regel["duration_ms"], int)
    assert "geheime-sleutel-789" not in web.log.read_text()
    # Every line gunicorn, Django and Python's warnings wrote is JSON.
    assert all(r.startswith("{") for r in web.regels() if r.strip()), web.log.read_text()
