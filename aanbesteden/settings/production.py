"""Production: every secret comes from the environment, nothing secret has a default."""

from bedrijfsvoering.logboek import logging_instellingen

from .base import *  # noqa: F403
from .env import env, media_opslag, redis_volgende_database

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
# The address in mails and one-time log-in links: required, a default would send people to
# the wrong host.
SITE_URL = env.str("SITE_URL").rstrip("/")
# PostgreSQL through django-prometheus' backend: the same driver, with query counts and
# durations in the metrics.
DATABASES = {"default": env.db_url("DATABASE_URL")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "django_prometheus.db.backends.postgresql"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = False
# The limits' counters are shared by every web process in Redis: CACHE_REDIS_URL, by default
# the broker's Redis server with the next database number.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env.str("CACHE_REDIS_URL", default="")
        or redis_volgende_database(CELERY_BROKER_URL),
        "KEY_PREFIX": "aanbesteden",
    }
}
# django_ratelimit lists only django-redis as "officially supported"; Django's own RedisCache
# is shared and increments atomically (INCR) as well (jsocol/django-ratelimit#283).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

STORAGES = {
    "default": media_opslag(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Sessions in the database (Django's default, stated here): every web process serves every
# user. Nothing of production lives in one process's memory: sessions in PostgreSQL, the
# limits' counters in Redis, locks are database row locks (tests/bedrijfsvoering).
SESSION_ENGINE = "django.contrib.sessions.backends.db"

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
ZEGEL_PKCS12_PAD = env.str("ZEGEL_PKCS12_PAD")
ZEGEL_PKCS12_WACHTWOORD = env.str("ZEGEL_PKCS12_WACHTWOORD")
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")

# JSON log lines by default (LOG_FORMAT=tekst for readable ones).
LOG_FORMAT = env.str("LOG_FORMAT", default="json")
LOGGING = logging_instellingen(formaat=LOG_FORMAT, niveau=LOG_LEVEL)  # noqa: F405
DEMOGEGEVENS_TOEGESTAAN = False
# Webhooks only to https:// addresses: the deliveries carry the gemeente's data.
WEBHOOK_ALLEEN_HTTPS = env.bool("WEBHOOK_ALLEEN_HTTPS", default=True)
WEBHOOK_ALLEEN_PUBLIEK = env.bool("WEBHOOK_ALLEEN_PUBLIEK", default=True)
