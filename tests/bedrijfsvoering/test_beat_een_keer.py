"""One beat schedules: a second one waits for the lock in Redis and takes over when the first
stops, or when the first dies and its lock lapses."""

from __future__ import annotations

import os
import uuid

import pytest

from bedrijfsvoering.beat import WACHTEN_SECONDEN, BeatSlot, EnkeleBeatScheduler

pytestmark = [
    pytest.mark.broker,
    pytest.mark.skipif(
        not os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"),
        reason="needs a real Redis broker: set CELERY_BROKER_URL=redis://…",
    ),
]


@pytest.fixture
def redis_url():
    return os.environ["CELERY_BROKER_URL"]


@pytest.fixture
def sleutel(redis_url):
    naam = f"test:beat:{uuid.uuid4().hex}"
    yield naam
    import redis

    redis.Redis.from_url(redis_url).delete(naam)


def test_tweede_beat_wacht_tot_de_eerste_stopt(redis_url, sleutel):
    eerste = BeatSlot(redis_url, sleutel=sleutel, seconden=60)
    tweede = BeatSlot(redis_url, sleutel=sleutel, seconden=60)
    assert eerste.vasthouden()
    assert not tweede.vasthouden()
    assert eerste.vasthouden()  # renewed at every tick
    assert not tweede.vasthouden()
    eerste.loslaten()
    assert tweede.vasthouden()
    assert not eerste.vasthouden()


def test_tweede_beat_neemt_over_als_de_eerste_sterft(redis_url, sleutel):
    import time

    eerste = BeatSlot(redis_url, sleutel=sleutel, seconden=1)
    tweede = BeatSlot(redis_url, sleutel=sleutel, seconden=1)
    assert eerste.vasthouden()
    assert not tweede.vasthouden()
    time.sleep(1.3)  # the first stopped renewing (killed): its lock lapses
    assert tweede.vasthouden()
    # The first, back, finds it lost the lock and does not schedule.
    assert not eerste.vasthouden()


# Transactional: the scheduler commits and closes old connections itself, as in a beat process.
@pytest.mark.django_db(transaction=True)
def test_wachtende_scheduler_plant_niets(redis_url, sleutel, settings, monkeypatch):
    """Two real schedulers (django-celery-beat's, with our lock): the one without the lock
    sends no task and waits; the other runs the schedule."""
    from aanbesteden.celery import app
    from bedrijfsvoering import beat

    monkeypatch.setattr(beat, "SLOT_SLEUTEL", sleutel)
    verstuurd: list[str] = []

    class Telt(EnkeleBeatScheduler):
        def apply_async(self, entry, producer=None, advance=True, **kwargs):
            verstuurd.append(entry.name)
            return None

        def _beat_slot(self):
            if self._slot is None:
                self._slot = BeatSlot(redis_url, sleutel=sleutel)
            return self._slot

    from datetime import timedelta

    from django.utils import timezone
    from django_celery_beat.models import IntervalSchedule, PeriodicTask

    # A periodic task that is due: whoever schedules sends it at the first tick.
    elke_10_s = IntervalSchedule.objects.create(every=10, period=IntervalSchedule.SECONDS)
    PeriodicTask.objects.create(
        name="test-beat-taak",
        task="bedrijfsvoering.tasks.hartslag",
        interval=elke_10_s,
        last_run_at=timezone.now() - timedelta(hours=1),
    )
    tweede = Telt(app=app)
    eerste = Telt(app=app)
    try:
        eerste._beat_slot().vasthouden()  # the first beat started first
        for _ in range(3):
            assert tweede.tick() == WACHTEN_SECONDEN
        assert verstuurd == []
        eerste.tick()
        assert verstuurd == ["test-beat-taak"]
        assert eerste._slot.houder and not tweede._slot.houder
        # The first stops: the second takes over, from the schedule the first left in the
        # database (the task it just sent is not sent again).
        eerste.close()
        tweede.tick()
        assert tweede._slot.houder
        assert verstuurd == ["test-beat-taak"]
    finally:
        eerste.close()
        tweede.close()


def test_beat_gebruikt_de_enkele_scheduler(settings):
    from aanbesteden.celery import app

    assert settings.CELERY_BEAT_SCHEDULER == "bedrijfsvoering.beat.EnkeleBeatScheduler"
    assert app.conf.beat_scheduler == "bedrijfsvoering.beat.EnkeleBeatScheduler"
