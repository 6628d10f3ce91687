"""The embedded mode (``make run``) shows everything: the port it serves on reaches the links
in mails, and the scheduled tasks run in the development server's own process (Celery beat
in a thread), so that an evaluation reminder is mailed without a command by hand."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from tests.factories import TrajectFactory, UserFactory

WORTEL = Path(__file__).resolve().parents[2]


def _dev_instelling(naam: str, **omgeving: str) -> str:
    """A setting as the embedded mode (settings/dev.py) computes it from the environment."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SITE_URL", "PORT", "DATABASE_URL", "CELERY_BROKER_URL"}
    }
    env.update(DJANGO_SETTINGS_MODULE="aanbesteden.settings.dev", **omgeving)
    uit = subprocess.run(
        [sys.executable, "-c", f"from django.conf import settings; print(settings.{naam})"],
        cwd=WORTEL,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return uit.stdout.strip()


def test_site_url_volgt_de_poort_van_make_run():
    assert _dev_instelling("SITE_URL", PORT="8123") == "http://127.0.0.1:8123"
    assert _dev_instelling("SITE_URL") == "http://127.0.0.1:8000"
    assert _dev_instelling("SITE_URL", PORT="8123", SITE_URL="https://demo.example/") == (
        "https://demo.example"
    )


def test_makefile_geeft_de_poort_door():
    makefile = (WORTEL / "Makefile").read_text()
    assert "PORT ?= 8000" in makefile and "export PORT" in makefile
    assert "manage.py ontwikkelserver 127.0.0.1:$(PORT)" in makefile


@pytest.mark.django_db
def test_gemailde_link_wijst_naar_de_poort(client, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = _dev_instelling("SITE_URL", PORT="8123")
    gebruiker = UserFactory(email="bewoner@example.org")
    TrajectFactory(initiatiefnemer=gebruiker)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/inloglink/", {"email": gebruiker.email})
    assert len(mail.outbox) == 1
    assert "http://127.0.0.1:8123/" in mail.outbox[0].body
    assert ":8000" not in mail.outbox[0].body


# Transactional: beat's thread has its own database connection and must see committed rows.
@pytest.mark.django_db(transaction=True)
def test_beat_in_het_proces_mailt_een_evaluatieherinnering():
    from aanbesteden.celery import app
    from aanbesteden.permissions import rol_toekennen
    from bedrijfsvoering.ingebed import beat_starten
    from evaluatie.models import Evaluatiemoment, Herinnering

    bewoner = UserFactory(email="bewoner@example.org", naam="Bewoner")
    traject = TrajectFactory(status="evaluatie", titel="Buurtpark")
    rol_toekennen(traject=traject, user=bewoner, rol="initiatiefnemer")
    Evaluatiemoment.objects.create(traject=traject, gepland_op=timezone.localdate())

    schema, broker = app.conf.beat_schedule, app.conf.broker_url
    # The embedded mode's schedule, with the scan every half second instead of every half
    # minute; nothing else is scheduled here.
    app.conf.beat_schedule = {
        "evaluatie-herinneringen": {
            "task": "evaluatie.tasks.herinneringen_scannen",
            "schedule": 0.5,
        }
    }
    draad = beat_starten(app)
    try:
        einde = time.monotonic() + 30
        while time.monotonic() < einde and not mail.outbox:
            time.sleep(0.2)
    finally:
        draad.stop()
        app.conf.beat_schedule, app.conf.broker_url = schema, broker
    assert draad.name == "Beat" and draad.daemon
    assert [m.to for m in mail.outbox] == [["bewoner@example.org"]]
    assert "Vandaag: evaluatie van “Buurtpark”" in mail.outbox[0].subject
    assert Herinnering.objects.filter(verzonden_op__isnull=False).count() == 1


def test_beat_hoort_niet_in_het_webproces_met_een_broker(settings):
    from celery import Celery

    from bedrijfsvoering.ingebed import beat_starten

    met_broker = Celery("proef", broker="redis://127.0.0.1:6379/6", set_as_current=False)
    met_broker.conf.task_always_eager = False
    with pytest.raises(RuntimeError, match="embedded mode"):
        beat_starten(met_broker)


def test_ontwikkelserver_start_beat_met_de_server(tmp_path):
    """``manage.py ontwikkelserver`` (what ``make run`` serves with) serves on the port it is
    given and starts beat in its own process."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "CELERY_BROKER_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="aanbesteden.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'leeg.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        PORT=str(poort),
        PYTHONUNBUFFERED="1",
    )
    server = subprocess.Popen(
        [sys.executable, "manage.py", "ontwikkelserver", "--noreload", f"127.0.0.1:{poort}"],
        cwd=WORTEL,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    regels: list[str] = []
    try:
        einde = time.monotonic() + 120
        while time.monotonic() < einde:
            regel = server.stdout.readline()
            if not regel:
                break
            regels.append(regel)
            if "Quit the server" in regel:
                break
    finally:
        server.terminate()
        server.wait(timeout=30)
    uitvoer = "".join(regels)
    assert "Geplande taken (Celery beat) lopen in dit proces." in uitvoer, uitvoer
    assert f"http://127.0.0.1:{poort}/" in uitvoer, uitvoer
