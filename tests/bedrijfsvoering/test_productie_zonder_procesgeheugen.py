"""Production keeps nothing in one process's memory: the limits' counters and the cache in
Redis, sessions in PostgreSQL, tasks through the broker, mail over SMTP; and media go to an
S3-compatible store by one variable. (Locks are database row locks: nothing to configure.)"""

from __future__ import annotations

import json

from .hulp import manage, productie_env

CODE = """
import json
from django.conf import settings as s
print(json.dumps({
    "caches": sorted(c["BACKEND"] for c in s.CACHES.values()),
    "sessies": s.SESSION_ENGINE,
    "mail": s.EMAIL_BACKEND,
    "eager": s.CELERY_TASK_ALWAYS_EAGER,
    "opslag": s.STORAGES["default"]["BACKEND"],
    "opties": s.STORAGES["default"].get("OPTIONS", {}),
    "logformaat": s.LOG_FORMAT,
    "demo": s.DEMOGEGEVENS_TOEGESTAAN,
    "alles": repr({k: getattr(s, k) for k in dir(s) if k.isupper()}),
}))
"""


def _instellingen(**env: str) -> dict:
    uit = manage("shell", "-c", CODE, env=productie_env(**env))
    assert uit.returncode == 0, uit.stderr
    return json.loads(uit.stdout.strip().splitlines()[-1])


def test_productie_houdt_niets_in_het_geheugen_van_een_proces():
    s = _instellingen()
    assert s["caches"] == ["django.core.cache.backends.redis.RedisCache"]
    assert s["sessies"] == "django.contrib.sessions.backends.db"
    assert s["mail"] == "django.core.mail.backends.smtp.EmailBackend"
    assert s["eager"] is False
    assert "locmem" not in s["alles"].lower()
    assert "LocMemCache" not in s["alles"]
    assert s["logformaat"] == "json"
    assert s["demo"] is False
    assert s["opslag"] == "django.core.files.storage.FileSystemStorage"


def test_een_variabele_zet_de_media_in_een_s3_opslag():
    s = _instellingen(
        MEDIA_S3_BUCKET="gemeente-media",
        MEDIA_S3_ENDPOINT_URL="https://s3.gemeente.example",
    )
    assert s["opslag"] == "storages.backends.s3.S3Storage"
    assert s["opties"]["bucket_name"] == "gemeente-media"
    assert s["opties"]["endpoint_url"] == "https://s3.gemeente.example"
    # Private, and a name already taken is never overwritten (as on the local disk).
    assert s["opties"]["default_acl"] is None
    assert s["opties"]["file_overwrite"] is False
