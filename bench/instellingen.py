"""Settings of the page benchmarks: production-like (DEBUG off, persistent database
connections, no debug toolbar or query logging), with the bench URLconf that adds a minimal
view, and without Redis (tasks run in-process, mail stays in memory)."""

from aanbesteden.settings.base import *  # noqa: F403
from aanbesteden.settings.base import DATABASES
from aanbesteden.settings.env import env

DEBUG = False
SECRET_KEY = "bench-only-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz-0123456789"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "bench.urls"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
CELERY_BROKER_URL = "memory://"
CELERY_TASK_ALWAYS_EAGER = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
