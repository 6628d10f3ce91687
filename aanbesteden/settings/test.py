"""Test settings: SQLite in-process by default; PostgreSQL and Redis when DATABASE_URL and
CELERY_BROKER_URL are set (as in CI)."""

import os

from .base import *  # noqa: F403
from .base import CELERY_BROKER_URL
from .env import BASE_DIR, env

DEBUG = False
SECRET_KEY = "test-only-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz-0123456789"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default=str(BASE_DIR / "var" / "test-media"))
# Tests run tasks eagerly unless they start a real worker themselves (marked "broker").
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = CELERY_BROKER_URL or "memory://"
# One queue per test process, so that parallel test workers (pytest-xdist) and parallel runs
# sharing one Redis never take each other's tasks (each worker has its own test database).
CELERY_TASK_DEFAULT_QUEUE = f"test-{os.getpid()}"
AXES_ENABLED = True
LOGGING = {"version": 1, "disable_existing_loggers": False}

# SQLite cannot enforce unique constraints with NULLS NOT DISTINCT; PostgreSQL (CI, production)
# does, and the services guard the same rules with row locks.
SILENCED_SYSTEM_CHECKS = ["models.W047"]
# The limits' counters live in this process's memory: one process here, so they are shared;
# production keeps them in Redis (django_ratelimit's check does apply there).
SILENCED_SYSTEM_CHECKS += ["django_ratelimit.E003", "django_ratelimit.W001"]
# Webhook retries wait no time in the tests (the backoff itself is tested on its own).
WEBHOOK_WACHTTIJD_SECONDEN = 0
