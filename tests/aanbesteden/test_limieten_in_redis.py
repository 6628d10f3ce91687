"""The limits' counters on the real Redis cache of production (CI sets
CELERY_BROKER_URL=redis://…): the counts live in Redis, shared by every process, and the
fourth link request for one address within a minute is refused there too."""

import datetime as dt
import os
import uuid

import pytest
import time_machine
from django.core import mail
from django.core.cache import caches

from aanbesteden.settings.env import redis_volgende_database
from tests.factories import UserFactory

BROKER = os.environ.get("CELERY_BROKER_URL", "")

pytestmark = [
    pytest.mark.broker,
    pytest.mark.skipif(
        not BROKER.startswith("redis://"),
        reason="needs a real Redis: set CELERY_BROKER_URL=redis://…",
    ),
]


@pytest.fixture
def redis_cache(settings):
    """Production's cache: Django's RedisCache on the broker's server, next database, with a
    prefix of this test only (its keys are removed afterwards; nothing else is flushed)."""
    prefix = f"test-limieten-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "limieten": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_volgende_database(BROKER),
            "KEY_PREFIX": prefix,
        },
    }
    settings.RATELIMIT_USE_CACHE = "limieten"
    cache = caches["limieten"]
    client = cache._cache.get_client(write=True)
    yield client, prefix
    for sleutel in client.scan_iter(match=f"{prefix}:*"):
        client.delete(sleutel)


@pytest.mark.django_db
def test_tellers_in_redis(client, redis_cache, django_capture_on_commit_callbacks):
    redis, prefix = redis_cache
    UserFactory(email="doelwit@example.org")
    statussen = []
    with time_machine.travel(dt.datetime(2030, 3, 4, 10, 0, tzinfo=dt.UTC), tick=False):
        for i in range(10):
            with django_capture_on_commit_callbacks(execute=True):
                antwoord = client.post(
                    "/inloglink/",
                    {"email": "doelwit@example.org"},
                    REMOTE_ADDR=f"198.51.100.{i + 1}",
                )
            statussen.append(antwoord.status_code)
    assert statussen == [302] * 3 + [429] * 7
    assert len(mail.outbox) == 3
    # The counters are in Redis, not in this process: per address three rates, and one
    # client counter per request (ten client addresses, two rates each).
    sleutels = list(redis.scan_iter(match=f"{prefix}:*"))
    assert len(sleutels) == 3 + 10 * 2
    assert sorted(int(redis.get(s)) for s in sleutels)[-3:] == [10, 10, 10]
