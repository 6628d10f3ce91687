"""The embedded mode (``make run``: no broker, tasks in-process, ``WEBHOOK_OPNIEUW_DOOR_BEAT``):
a failing webhook is tried once inside the request that made the phase change, not six times;
the failure is logged on the delivery, which stays waiting, and beat's sweep tries it again
when its wait is over, with the worker's number of tries. Nothing is lost, the request stays
fast."""

from __future__ import annotations

import pytest

from aanbesteden.services import traject_transitie
from api.constants import LeveringStatus
from api.models import Webhooklevering
from api.services import leveringen_nalopen
from api.tasks import POGINGEN, webhooks_nalopen

from .test_webhooks import abonneren, met_webhooks, ontvanger  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ingebed(settings):
    settings.WEBHOOK_OPNIEUW_DOOR_BEAT = True
    settings.WEBHOOK_WACHTTIJD_SECONDEN = 0
    return settings


def _indienen(traject, initiatiefnemer, capture):
    with capture(execute=True):
        traject_transitie(traject=traject, transitie="indienen", door=initiatiefnemer)


def test_een_poging_in_het_verzoek_daarna_beat(  # noqa: PLR0913
    api,
    token_a_schrijven,
    gemeente,
    traject,
    initiatiefnemer,
    ontvanger,  # noqa: F811
    met_webhooks,  # noqa: F811
    ingebed,
    django_capture_on_commit_callbacks,
):
    ontvanger.antwoorden = [500]
    abonneren(api, token_a_schrijven, gemeente, ontvanger.url)
    _indienen(traject, initiatiefnemer, django_capture_on_commit_callbacks)

    assert len(ontvanger.ontvangen) == 1  # no retry inside the request
    levering = Webhooklevering.objects.get()
    assert levering.status == LeveringStatus.WACHTEND and levering.aantal_pogingen == 1
    assert levering.laatste_statuscode == 500
    assert [(p.nummer, p.statuscode) for p in levering.pogingen.all()] == [(1, 500)]

    assert webhooks_nalopen.delay().get() == 1  # beat's sweep, in-process as in make run
    levering.refresh_from_db()
    assert len(ontvanger.ontvangen) == 2
    assert levering.status == LeveringStatus.GELEVERD and levering.aantal_pogingen == 2
    assert leveringen_nalopen() == 0  # delivered: not sent again


def test_beat_wacht_de_wachttijd_af(  # noqa: PLR0913
    api,
    token_a_schrijven,
    gemeente,
    traject,
    initiatiefnemer,
    ontvanger,  # noqa: F811
    met_webhooks,  # noqa: F811
    ingebed,
    django_capture_on_commit_callbacks,
):
    ingebed.WEBHOOK_WACHTTIJD_SECONDEN = 30
    ontvanger.antwoorden = [500]
    abonneren(api, token_a_schrijven, gemeente, ontvanger.url)
    _indienen(traject, initiatiefnemer, django_capture_on_commit_callbacks)
    assert leveringen_nalopen() == 0  # the first wait (30 s) is not over yet
    assert len(ontvanger.ontvangen) == 1


def test_na_de_laatste_poging_door_beat_mislukt(  # noqa: PLR0913
    api,
    token_a_schrijven,
    gemeente,
    traject,
    initiatiefnemer,
    ontvanger,  # noqa: F811
    met_webhooks,  # noqa: F811
    ingebed,
    django_capture_on_commit_callbacks,
):
    ontvanger.antwoorden = [503] * 10
    abonneren(api, token_a_schrijven, gemeente, ontvanger.url)
    _indienen(traject, initiatiefnemer, django_capture_on_commit_callbacks)
    for _ in range(POGINGEN + 2):
        leveringen_nalopen()
    levering = Webhooklevering.objects.get()
    assert len(ontvanger.ontvangen) == POGINGEN  # as many tries as a worker's
    assert levering.status == LeveringStatus.MISLUKT and levering.aantal_pogingen == POGINGEN
