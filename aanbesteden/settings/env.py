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


def media_opslag() -> dict:
    """The storage of uploads and generated PDFs (``STORAGES["default"]``).

    By default the local disk under ``MEDIA_ROOT``: enough for one machine running web and
    worker. With ``MEDIA_S3_BUCKET`` set, an S3-compatible object store (django-storages with
    boto3: AWS, MinIO, Ceph, a cloud provider's object storage), so that a second web node or
    a worker on another machine finds every file. The files stay private: no public ACL, and
    downloads go through the views that check access."""
    bucket = env.str("MEDIA_S3_BUCKET", default="")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": env.str("MEDIA_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("MEDIA_S3_REGION", default="") or None,
            # Empty: boto3 finds them itself (AWS_* variables, an instance role).
            "access_key": env.str("MEDIA_S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("MEDIA_S3_SECRET_ACCESS_KEY", default="") or None,
            "location": env.str("MEDIA_S3_PREFIX", default=""),
            "default_acl": None,
            # Like the local disk: a name already taken gets a suffix, nothing is overwritten.
            "file_overwrite": False,
        },
    }
