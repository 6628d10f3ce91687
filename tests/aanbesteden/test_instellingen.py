"""Runtime modes: production has no secret defaults and passes Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)


def _productie_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k in {"PATH", "HOME", "LANG", "LC_ALL", "PYTHONPATH", "TMPDIR", "VIRTUAL_ENV"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="aanbesteden.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="aanbesteden.example.nl",
        SITE_URL="https://aanbesteden.example.nl",
        DATABASE_URL="postgres://aanbesteden:geheim@db.example.nl:5432/aanbesteden",
        CELERY_BROKER_URL="redis://redis.example.nl:6379/0",
        ZEGEL_PKCS12_PAD="/run/secrets/zegel.p12",
        ZEGEL_PKCS12_WACHTWOORD="geheim",
    )
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BASE / "manage.py"), *args],
        cwd=BASE,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_zonder_meldingen(tmp_path):
    from aanbesteden.zegel import ontwikkelcertificaat_maken

    # The sealing certificate is checked at start-up (tests/bedrijfsvoering): a real one.
    zegel = ontwikkelcertificaat_maken(tmp_path / "zegel.p12", wachtwoord=b"geheim")
    env = _productie_env(ZEGEL_PKCS12_PAD=str(zegel))
    uit = _manage("check", "--deploy", "--fail-level", "DEBUG", env=env)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    # Silenced: only django_ratelimit.W001, see the next test.
    assert "System check identified no issues (1 silenced)." in uit.stdout


def test_limieten_tellen_in_redis_in_productie():
    """The limits' counters are shared by every process: production's cache is Redis (by
    default the broker's server, next database), which django_ratelimit's own check accepts
    as shared and atomic. Its only remark, W001, says that it lists django-redis rather than
    Django's own RedisCache as "officially supported"; that one is silenced."""
    code = (
        "from django.conf import settings as s;"
        "from django_ratelimit.checks import check_caches;"
        "print(s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION'],"
        " [e.id for e in check_caches(None)] == ['django_ratelimit.W001'],"
        " s.SILENCED_SYSTEM_CHECKS == ['django_ratelimit.W001'])"
    )
    uit = _manage("shell", "-c", code, env=_productie_env())
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip().splitlines()[-1].split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://redis.example.nl:6379/1",
        "True",
        "True",
    ]
    eigen = _productie_env(CACHE_REDIS_URL="redis://cache.example.nl:6379/4")
    uit = _manage("shell", "-c", code, env=eigen)
    assert "redis://cache.example.nl:6379/4" in uit.stdout, uit.stderr


@pytest.mark.parametrize(
    "ontbreekt",
    [
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "SITE_URL",
        "DATABASE_URL",
        "CELERY_BROKER_URL",
        "ZEGEL_PKCS12_PAD",
        "ZEGEL_PKCS12_WACHTWOORD",
    ],
)
def test_productie_start_niet_zonder_verplichte_variabele(ontbreekt):
    uit = _manage("check", env=_productie_env(**{ontbreekt: None}))
    assert uit.returncode != 0
    assert "ImproperlyConfigured" in uit.stderr
    assert ontbreekt in uit.stderr


def test_zwakke_secret_key_valt_op_bij_check_deploy():
    """The control: the deployment check does notice a bad production setting."""
    uit = _manage("check", "--deploy", env=_productie_env(SECRET_KEY="kort"))
    assert "security.W009" in uit.stdout + uit.stderr


def test_productie_instellingen_veilig():
    code = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS >= 31536000, s.CELERY_TASK_ALWAYS_EAGER,"
        " 'csp.middleware.CSPMiddleware' in s.MIDDLEWARE,"
        " s.DATABASES['default']['ENGINE'])"
    )
    uit = _manage("shell", "-c", code, env=_productie_env())
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip().splitlines()[-1].split() == [
        "False",
        "True",
        "True",
        "True",
        "True",
        "False",
        "True",
        # PostgreSQL through django-prometheus' backend (query metrics), the same driver.
        "django_prometheus.db.backends.postgresql",
    ]


def test_ingebedde_modus_zonder_omgeving():
    """`make run` needs no variables at all: SQLite, tasks in-process, mail to the console."""
    env = _productie_env(DJANGO_SETTINGS_MODULE="aanbesteden.settings.dev")
    for naam in ("SECRET_KEY", "DATABASE_URL", "CELERY_BROKER_URL", "ALLOWED_HOSTS", "SITE_URL"):
        env.pop(naam)
    code = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.CELERY_TASK_ALWAYS_EAGER, s.DATABASES['default']['ENGINE'],"
        " s.EMAIL_BACKEND)"
    )
    uit = _manage("shell", "-c", code, env=env)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip().splitlines()[-1].split() == [
        "True",
        "True",
        "django.db.backends.sqlite3",
        "django.core.mail.backends.console.EmailBackend",
    ]


def test_collectstatic_in_productie(tmp_path):
    """Production serves static files through whitenoise with hashed names: collectstatic must
    post-process every collected file, including the NL Design System CSS from npm."""
    vendor = BASE / "static" / "vendor" / "utrecht" / "index.css"
    assert vendor.is_file(), "static/vendor ontbreekt: draai `make install` (npm ci en kopie)"
    uit = _manage(
        "collectstatic", "--noinput", env=_productie_env(STATIC_ROOT=str(tmp_path / "static"))
    )
    assert uit.returncode == 0, uit.stdout + uit.stderr
    manifest = (tmp_path / "static" / "staticfiles.json").read_text()
    for naam in ("vendor/utrecht/index.css", "vendor/utrecht-tokens/index.css", "css/site.css"):
        assert f'"{naam}"' in manifest
    assert list((tmp_path / "static" / "vendor" / "utrecht").glob("index.*.css.gz"))


@pytest.mark.parametrize(
    ("broker", "cache"),
    [
        ("redis://r:6379/0", "redis://r:6379/1"),
        ("redis://r:6379", "redis://r:6379/1"),
        ("redis://r:6379/14", "redis://r:6379/15"),
        ("redis://r:6379/15", "redis://r:6379/14"),
    ],
)
def test_cache_op_een_andere_redis_database_dan_de_broker(broker, cache):
    """Redis has databases 0 to 15: the cache takes the next one, or for the last the one
    before (CI's broker is on /15)."""
    from aanbesteden.settings.env import redis_volgende_database

    assert redis_volgende_database(broker) == cache
