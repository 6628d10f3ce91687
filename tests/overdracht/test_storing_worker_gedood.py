"""Fault test: the whole worker process is killed (SIGKILL) while it renders an agreement's
PDF. The work stays owed in the database; a new worker makes the PDF within the configured
bound (``WERK_OPNIEUW_NA`` for the sweep, ``CELERY_VISIBILITY_TIMEOUT`` for the broker's
redelivery; both short here), once."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from django.db import connection

from aanbesteden.models import Werk
from overdracht.constants import PdfStatus
from tests.storingen import celery_op, redis_server, wacht_tot, worker_proces

pytestmark = [
    pytest.mark.broker,
    pytest.mark.storing,
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="a worker process shares the test database: set DATABASE_URL=postgres://…",
    ),
]

OPNIEUW_NA = 3
ZICHTBAAR = 5


def _worker_env(broker_url: str, media: str) -> dict[str, str]:
    from aanbesteden.celery import app

    db = connection.settings_dict
    gebruiker = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "aanbesteden.settings.test",
        "DATABASE_URL": f"postgres://{gebruiker}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
        "CELERY_BROKER_URL": broker_url,
        "CELERY_TASK_DEFAULT_QUEUE": app.conf.task_default_queue,
        "CELERY_VISIBILITY_TIMEOUT": str(ZICHTBAAR),
        "TEST_MEDIA_ROOT": media,
        "PYTHONUNBUFFERED": "1",
    }


@pytest.mark.django_db(transaction=True)
def test_worker_gedood_tijdens_render_pdf_toch_gemaakt(settings, versie, ambtenaar, tmp_path):
    import redis as redis_client

    from aanbesteden.celery import app
    from aanbesteden.werk import werk_nalopen
    from overdracht.services import versie_vaststellen

    settings.WERK_OPNIEUW_NA = OPNIEUW_NA
    with redis_server(tmp_path) as redis, celery_op(redis.url):
        env = _worker_env(redis.url, settings.MEDIA_ROOT)
        eerste_log, tweede_log = tmp_path / "worker-1.log", tmp_path / "worker-2.log"
        broker = redis_client.Redis.from_url(redis.url)
        with worker_proces(env, eerste_log) as eerste:
            wacht_tot(lambda: app.control.ping(timeout=0.5), seconden=120, wat="the worker is up")
            versie_vaststellen(versie=versie, door=ambtenaar, gemeente_ondertekenaar=ambtenaar)
            # Taken and not acknowledged (acks_late): the worker is rendering.
            wacht_tot(
                lambda: broker.hlen("unacked") == 1,
                seconden=30,
                stap=0.05,
                wat="the worker takes the render",
            )
            time.sleep(0.5)
            os.killpg(eerste.pid, signal.SIGKILL)  # the whole worker, mid-render
            eerste.wait(timeout=10)
        gedood = time.monotonic()
        versie.refresh_from_db()
        assert versie.pdf_status == PdfStatus.BEZIG, "killed before the PDF was made"
        assert Werk.objects.get(taak="overdracht.tasks.overeenkomst_pdf_maken").klaar_op is None

        with worker_proces(env, tweede_log):

            def klaar() -> bool:
                werk_nalopen()  # what beat runs every minute
                versie.refresh_from_db()
                return versie.pdf_status == PdfStatus.KLAAR

            wacht_tot(klaar, seconden=OPNIEUW_NA + 60, stap=0.5, wat="the PDF is made")
        duur = time.monotonic() - gedood

    assert duur < OPNIEUW_NA + 60
    assert Werk.objects.get(taak="overdracht.tasks.overeenkomst_pdf_maken").klaar_op is not None
    assert len(list(Path(settings.MEDIA_ROOT, "prive", "overeenkomsten").iterdir())) == 1
