"""Health endpoints: a load balancer reaches them over plain HTTP on the internal address
under production settings; they answer 503, naming the part, when the database, the cache,
the broker or the file storage is down; ``/gezond/`` also watches the worker and beat."""

from __future__ import annotations

import asyncio
import datetime
import json
import os
import time

import pytest

from bedrijfsvoering import gezondheid

from .hulp import echte_database_en_redis, gunicorn, opvragen, vrije_poort

INTERN = "10.1.2.3:8000"  # the web process's internal address, not in ALLOWED_HOSTS


def _delen(tekst: str) -> dict[str, str]:
    return dict(regel.split(": ") for regel in tekst.strip().splitlines())


def test_gezondheid_over_http_op_het_interne_adres_met_productie_instellingen(productie, tmp_path):
    """A real gunicorn with production settings (HTTPS redirect on, ALLOWED_HOSTS the public
    name) and its database and Redis unreachable: liveness answers 200 over plain HTTP on the
    internal address; readiness answers 503 and names what is down; the rest of the site at
    that address is still refused, and plain HTTP to the public name still redirected."""
    with gunicorn(productie, tmp_path / "gunicorn.log") as web:
        leven = opvragen(f"{web.url}/gezond/leven/", Host=INTERN)
        assert (leven.status, leven.tekst) == (200, "ok\n")
        assert "no-cache" in leven.headers["Cache-Control"]

        klaar = opvragen(f"{web.url}/gezond/klaar/", Host=INTERN)
        assert klaar.status == 503
        assert _delen(klaar.tekst) == {
            "database": "fout",
            "cache": "fout",
            "opslag": "ok",
            "broker": "fout",
        }
        alles = opvragen(f"{web.url}/gezond/", Host=INTERN)
        assert alles.status == 503
        assert _delen(alles.tekst)["worker"] == "fout"
        assert _delen(alles.tekst)["beat"] == "fout"
        # Nothing about the failures on the page: host names and errors go to the log.
        assert "127.0.0.1" not in klaar.tekst + alles.tekst

        # The control: the same host name elsewhere is refused (with the database down the
        # error page itself fails: 500), plain HTTP to the public name is redirected.
        assert opvragen(f"{web.url}/toegankelijkheid/", Host=INTERN).status in (400, 500)
        assert "Invalid HTTP_HOST header: '10.1.2.3:8000'" in web.log.read_text()
        publiek = opvragen(f"{web.url}/toegankelijkheid/", Host="aanbesteden.example.nl")
        assert publiek.status == 301
        assert publiek.headers["Location"].startswith("https://aanbesteden.example.nl/")
    # Liveness and readiness answer in time also when everything behind them is down.
    assert all(
        json.loads(regel)["duration_ms"] < 5000
        for regel in web.regels()
        if regel.startswith("{") and '"/gezond/' in regel and "gunicorn.access" in regel
    )


@pytest.mark.django_db
def test_gezondheid_voor_de_https_omleiding_en_de_hostcontrole(client, settings):
    """In-process, with production's HTTPS redirect and host list: the internal address gets
    the health pages over plain HTTP, and nothing else."""
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["aanbesteden.example.nl"]
    for pad in ("/gezond/leven/", "/gezond/klaar/", "/gezond/"):
        assert client.get(pad, HTTP_HOST=INTERN).status_code == 200, pad
    assert client.get("/toegankelijkheid/", HTTP_HOST=INTERN).status_code == 400
    publiek = client.get("/toegankelijkheid/", HTTP_HOST="aanbesteden.example.nl")
    assert publiek.status_code == 301
    assert client.post("/gezond/klaar/", HTTP_HOST=INTERN).status_code == 405


def test_gezondheid_meldt_opslag_die_niet_werkt(productie, tmp_path):
    """Media directory that cannot be written (a path below a file): "opslag: fout"."""
    (tmp_path / "een-bestand").write_text("geen map")
    env = {**productie, "MEDIA_ROOT": str(tmp_path / "een-bestand" / "media")}
    with gunicorn(env, tmp_path / "gunicorn.log") as web:
        klaar = opvragen(f"{web.url}/gezond/klaar/", Host=INTERN)
    assert klaar.status == 503
    assert _delen(klaar.tekst)["opslag"] == "fout"


@pytest.mark.postgres
@pytest.mark.broker
@pytest.mark.skipif(
    echte_database_en_redis() is None,
    reason="needs PostgreSQL and Redis: set DATABASE_URL=postgres://… CELERY_BROKER_URL=redis://…",
)
@pytest.mark.django_db
def test_gezondheid_klaar_met_echte_database_en_redis(productie, tmp_path, settings):
    """With the test run's PostgreSQL and Redis up, readiness answers 200 over plain HTTP."""
    from django.db import connection

    database, broker = echte_database_en_redis()
    # The test database exists now; "SELECT 1" needs no tables.
    database = database.rsplit("/", 1)[0] + "/" + connection.settings_dict["NAME"]
    env = {
        **productie,
        "DATABASE_URL": database,
        "CELERY_BROKER_URL": broker,
        "METRICS_TOKEN": "t" * 40,
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "prometheus"),
    }
    with gunicorn(env, tmp_path / "gunicorn.log") as web:
        klaar = opvragen(f"{web.url}/gezond/klaar/", Host=INTERN)
        assert (klaar.status, _delen(klaar.tekst)) == (
            200,
            {"database": "ok", "cache": "ok", "opslag": "ok", "broker": "ok"},
        )
        # Production's database backend (django-prometheus') counted that query.
        metrics = opvragen(f"{web.url}/metrics", Host=INTERN, Authorization="Bearer " + "t" * 40)
        assert metrics.status == 200
        (uitgevoerd,) = [
            regel
            for regel in metrics.tekst.splitlines()
            if regel.startswith('django_db_execute_total{alias="default",vendor="postgresql"}')
        ]
        assert float(uitgevoerd.rsplit(" ", 1)[1]) >= 1
        # A closed database port, the same otherwise: 503.
        dicht = database.replace(database.split("@")[1].split("/")[0], f"127.0.0.1:{vrije_poort()}")
        assert "127.0.0.1:5432" not in dicht
    with gunicorn({**env, "DATABASE_URL": dicht}, tmp_path / "gunicorn2.log") as web:
        klaar = opvragen(f"{web.url}/gezond/klaar/", Host=INTERN)
        assert klaar.status == 503
        assert _delen(klaar.tekst) == {
            "database": "fout",
            "cache": "ok",
            "opslag": "ok",
            "broker": "ok",
        }


def test_gezondheid_in_process_zonder_broker(client, db, settings):
    """The embedded mode (tasks in-process): no broker, worker or beat to check."""
    antwoord = client.get("/gezond/")
    assert antwoord.status_code == 200
    assert _delen(antwoord.content.decode()) == {"database": "ok", "cache": "ok", "opslag": "ok"}
    assert antwoord["Content-Type"] == "text/plain; charset=utf-8"


@pytest.mark.parametrize(
    ("leeftijd", "gezond"),
    [(None, False), (10, True), (4 * 60, True), (6 * 60, False)],
)
def test_beat_hartslag_te_oud_is_een_fout(leeftijd, gezond):
    from django.core.cache import cache

    if leeftijd is not None:
        cache.set(gezondheid.HARTSLAG_SLEUTEL, time.time() - leeftijd, timeout=None)
    check = gezondheid.BeatHartslag(max_leeftijd=datetime.timedelta(minutes=5))
    uitslag = asyncio.run(check.get_result())
    assert (uitslag.error is None) is gezond


def test_hartslag_taak_zet_de_hartslag():
    from bedrijfsvoering.tasks import hartslag

    assert gezondheid.hartslag_leeftijd() is None
    hartslag.delay()
    assert gezondheid.hartslag_leeftijd() < 5


def test_hartslag_staat_in_het_beat_schema(settings):
    schema = {
        naam: regel
        for naam, regel in settings.CELERY_BEAT_SCHEDULE.items()
        if regel["task"] == "bedrijfsvoering.tasks.hartslag"
    }
    assert len(schema) == 1
    (regel,) = schema.values()
    # Beat queues it well within the bound after which /gezond/ reports beat down.
    assert regel["schedule"] * 2 < settings.BEAT_HARTSLAG_MAX_SECONDEN


@pytest.mark.broker
@pytest.mark.skipif(
    not os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"),
    reason="needs a real Redis broker: set CELERY_BROKER_URL=redis://…",
)
@pytest.mark.django_db(transaction=True)
def test_gezond_met_echte_worker_en_hartslag(client, settings):
    """Tasks through Redis: /gezond/ asks the broker, pings the worker and reads beat's
    heartbeat, which the worker stamped; without the worker the ping fails."""
    from celery.contrib.testing.worker import start_worker

    from aanbesteden.celery import app
    from bedrijfsvoering.tasks import hartslag

    settings.CELERY_TASK_ALWAYS_EAGER = False
    oud = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        app.control.purge()
        with start_worker(app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
            hartslag.delay()
            einde = time.monotonic() + 30
            while gezondheid.hartslag_leeftijd() is None and time.monotonic() < einde:
                time.sleep(0.1)
            antwoord = client.get("/gezond/")
            assert (antwoord.status_code, _delen(antwoord.content.decode())) == (
                200,
                {
                    "database": "ok",
                    "cache": "ok",
                    "opslag": "ok",
                    "broker": "ok",
                    "worker": "ok",
                    "beat": "ok",
                },
            )
        zonder = client.get("/gezond/")
        assert zonder.status_code == 503
        assert _delen(zonder.content.decode())["worker"] == "fout"
        # The load balancer's readiness does not depend on the worker.
        assert client.get("/gezond/klaar/").status_code == 200
    finally:
        app.conf.task_always_eager = oud
