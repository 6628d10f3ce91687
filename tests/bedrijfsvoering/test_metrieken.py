"""Metrics at /metrics: refused outside the internal network, served with the token or to an
allowed network; they count requests and task outcomes, show the queue length and the mails
owed, and with several gunicorn workers the sum of all of them."""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor

import pytest
from prometheus_client.parser import text_string_to_metric_families

from bedrijfsvoering.metrieken import mails_verschuldigd

from .hulp import gunicorn, opvragen
from .taken import taak_die_faalt, taak_die_logt

TOKEN = "metrics-token-voor-de-test-0123456789"


def _waarden(tekst: str) -> dict[tuple, float]:
    """{(name, sorted labels): value} of a Prometheus text page."""
    uit = {}
    for familie in text_string_to_metric_families(tekst):
        for monster in familie.samples:
            uit[(monster.name, tuple(sorted(monster.labels.items())))] = monster.value
    return uit


@pytest.fixture
def lezen(client, settings):
    settings.METRICS_TOKEN = TOKEN

    def lees() -> dict[tuple, float]:
        antwoord = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
        assert antwoord.status_code == 200
        assert antwoord["Content-Type"].startswith("text/plain; version=")
        return _waarden(antwoord.content.decode())

    return lees


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("token", "netwerken", "headers", "status"),
    [
        ("", [], {}, 403),  # nothing configured: nobody
        (TOKEN, [], {}, 403),  # no token sent
        (TOKEN, [], {"HTTP_AUTHORIZATION": "Bearer verkeerd"}, 403),
        (TOKEN, [], {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}, 200),
        ("", [], {"HTTP_AUTHORIZATION": "Bearer "}, 403),  # an empty token is no token
        ("", ["10.0.0.0/8"], {}, 403),  # 127.0.0.1 is not in it
        ("", ["127.0.0.0/8"], {}, 200),  # straight from an allowed network
        # Through a proxy (on the same machine) a visitor has the proxy's address: refused.
        ("", ["127.0.0.0/8"], {"HTTP_X_FORWARDED_FOR": "203.0.113.9"}, 403),
        ("", ["127.0.0.0/8"], {"HTTP_FORWARDED": "for=203.0.113.9"}, 403),
        (TOKEN, ["127.0.0.0/8"], {"HTTP_X_FORWARDED_FOR": "203.0.113.9"}, 403),
    ],
)
def test_metrics_alleen_voor_het_interne_netwerk(
    client, settings, token, netwerken, headers, status
):
    settings.METRICS_TOKEN = token
    settings.METRICS_NETWERKEN = netwerken
    antwoord = client.get("/metrics", **headers)
    assert antwoord.status_code == status
    if status == 403:
        assert b"django_http" not in antwoord.content


@pytest.mark.django_db
def test_metrics_tellen_een_verzoek(client, lezen):
    sleutel = ("django_http_requests_total_by_method_total", (("method", "GET"),))
    voor = lezen().get(sleutel, 0)
    assert client.get("/toegankelijkheid/").status_code == 200
    # Scraping is not counted itself: the internal endpoints are answered before.
    assert lezen()[sleutel] == voor + 1
    assert lezen()[sleutel] == voor + 1
    assert any(naam.startswith("django_http_requests_latency") for naam, _l in lezen())


@pytest.mark.django_db
def test_metrics_tellen_taakuitkomsten(lezen):
    def aantal(taak, uitkomst):
        labels = (("outcome", uitkomst), ("task", taak.name))
        return lezen().get(("aanbesteden_celery_tasks_total", labels))

    assert aantal(taak_die_logt, "success") == 0
    taak_die_logt.delay()
    taak_die_logt.delay()
    # As a worker runs it: the failure is recorded, not raised into the caller (eager tasks
    # that raise into the request are not counted: the request fails instead).
    assert taak_die_faalt.apply(throw=False).failed()
    assert aantal(taak_die_logt, "success") == 2
    assert aantal(taak_die_logt, "failure") == 0
    assert aantal(taak_die_faalt, "failure") == 1
    # Every task of the platform is listed, from every app.
    taken = {
        dict(labels)["task"] for naam, labels in lezen() if naam.startswith("aanbesteden_celery")
    }
    assert {"overdracht.tasks.overeenkomst_verzegelen", "bedrijfsvoering.tasks.hartslag"} <= taken


@pytest.mark.django_db
def test_mails_verschuldigd_en_werk_te_laat(lezen, settings):
    """The outboxes as an operator sees them: mails owed and given up, work open and overdue."""
    from datetime import timedelta

    from django.utils import timezone

    from aanbesteden.models import Werk
    from meldingen.constants import MailStatus
    from meldingen.models import Uitgaandemail

    def mail(status):
        return Uitgaandemail.objects.create(
            adres="a@example.org", onderwerp="o", tekst="t", status=status
        )

    assert mails_verschuldigd() == 0
    mail(MailStatus.WACHTEN)
    mail(MailStatus.WACHTEN)
    mail(MailStatus.VERZONDEN)
    mail(MailStatus.OPGEGEVEN)
    assert mails_verschuldigd() == 2

    Werk.objects.create(taak="t", sleutel="a")  # just asked for
    oud = Werk.objects.create(taak="t", sleutel="b")
    Werk.objects.filter(pk=oud.pk).update(
        created_at=timezone.now() - timedelta(seconds=settings.WERK_TE_LAAT_NA + 1)
    )
    Werk.objects.create(taak="t", sleutel="c", klaar_op=timezone.now())  # done
    metrieken = lezen()
    assert metrieken[("aanbesteden_mails_owed", ())] == 2
    assert metrieken[("aanbesteden_mails_given_up", ())] == 1
    assert metrieken[("aanbesteden_work_open", ())] == 2
    assert metrieken[("aanbesteden_work_overdue", ())] == 1


@pytest.mark.broker
@pytest.mark.skipif(
    not os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"),
    reason="needs a real Redis broker: set CELERY_BROKER_URL=redis://…",
)
@pytest.mark.django_db
def test_metrics_tonen_de_wachtrij(lezen, settings):
    """Tasks queued in Redis without a worker: the queue length is asked of the broker."""
    from aanbesteden.celery import app

    wachtrij = app.conf.task_default_queue
    oud = app.conf.task_always_eager
    app.conf.task_always_eager = False
    settings.CELERY_TASK_ALWAYS_EAGER = False
    try:
        app.control.purge()
        assert lezen()[("aanbesteden_celery_queue_length", (("queue", wachtrij),))] == 0
        for _ in range(3):
            taak_die_logt.delay()
        assert lezen()[("aanbesteden_celery_queue_length", (("queue", wachtrij),))] == 3
    finally:
        app.control.purge()
        app.conf.task_always_eager = oud


def test_metrics_van_alle_gunicorn_workers_samen(productie, tmp_path):
    """Two gunicorn workers in multiprocess mode: every scrape, whichever worker answers it,
    counts every request of both."""
    env = {
        **productie,
        "METRICS_TOKEN": TOKEN,
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "prometheus"),
        "WEB_WORKERS": "2",
    }
    with gunicorn(env, tmp_path / "gunicorn.log") as web:
        # Plain HTTP: redirected to HTTPS (no database needed), counted all the same; in
        # batches until both workers have served some.
        verzonden = 0
        with ThreadPoolExecutor(max_workers=8) as pool:
            while verzonden < 2000 and len(_bediend_door(web)) < 2:
                statussen = list(
                    pool.map(
                        lambda _i: (
                            opvragen(
                                f"{web.url}/toegankelijkheid/", Host="aanbesteden.example.nl"
                            ).status
                        ),
                        range(40),
                    )
                )
                assert statussen == [301] * 40
                verzonden += 40
        assert len(_bediend_door(web)) == 2, "one worker served every request"
        tellingen = set()
        for _ in range(6):
            antwoord = opvragen(f"{web.url}/metrics", Authorization=f"Bearer {TOKEN}")
            assert antwoord.status == 200
            tellingen.add(
                _waarden(antwoord.tekst)[("django_http_requests_before_middlewares_total", ())]
            )
        assert opvragen(f"{web.url}/metrics").status == 403
    assert tellingen == {float(verzonden)}


def _bediend_door(web) -> set[int]:
    """The worker processes that logged a request line."""
    regels = [json.loads(r) for r in web.regels() if r.startswith("{")]
    return {r["pid"] for r in regels if r["logger"] == "bedrijfsvoering.verzoeken"}
