"""The one place where settings are read from the environment.

Every setting that differs between machines comes from an environment variable read here;
``docs/`` and the README list them all. Values without a default are required: reading them
raises ``ImproperlyConfigured`` with the variable's name.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
_env_file = BASE_DIR / ".env"
if _env_file.is_file():  # pragma: no cover - local convenience only
    environ.Env.read_env(_env_file, overwrite=False)


def redis_volgende_database(url: str) -> str:
    """The same Redis server as ``url`` with the next database number (``/0`` → ``/1``), so
    that a cache flush never empties the broker's queues. Redis has databases 0 to 15 by
    default: for the last one the one before is taken (``/15`` → ``/14``)."""
    from urllib.parse import urlsplit, urlunsplit

    from django.core.exceptions import ImproperlyConfigured

    delen = urlsplit(url)
    if delen.scheme not in {"redis", "rediss"}:
        raise ImproperlyConfigured(
            "Set CACHE_REDIS_URL: CELERY_BROKER_URL is not a Redis URL to derive it from."
        )
    database = delen.path.strip("/") or "0"
    if not database.isdigit():
        raise ImproperlyConfigured(f"Set CACHE_REDIS_URL: no database number in {url!r}.")
    nummer = int(database)
    ander = nummer + 1 if nummer < 15 else nummer - 1
    return urlunsplit(delen._replace(path=f"/{ander}"))
