"""Helpers of the operations tests: start a real gunicorn, run manage.py with the production
settings, make a sealing certificate (its conftest.py holds only the fixtures)."""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)


def vrije_poort() -> int:
    """A port nothing listens on (yet): for a server to start, or as a closed port that
    refuses every connection."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def productie_env(**extra: str | None) -> dict[str, str]:
    """The environment of a production process; a value None removes the variable. The
    database and Redis are closed ports unless given."""
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
        DATABASE_URL=f"postgres://aanbesteden:geheim@127.0.0.1:{vrije_poort()}/aanbesteden",
        CELERY_BROKER_URL=f"redis://127.0.0.1:{vrije_poort()}/0",
        ZEGEL_PKCS12_PAD="/run/secrets/zegel.p12",
        ZEGEL_PKCS12_WACHTWOORD="geheim",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None}


def manage(*args: str, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BASE / "manage.py"), *args],
        cwd=BASE,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@dataclass
class Antwoord:
    status: int
    tekst: str
    headers: dict[str, str]


def opvragen(url: str, **headers: str) -> Antwoord:
    """A plain HTTP GET that follows no redirect."""

    class GeenDoorverwijzing(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(GeenDoorverwijzing)
    verzoek = urllib.request.Request(url, headers=headers)  # noqa: S310 - a local test server
    try:
        with opener.open(verzoek, timeout=30) as r:
            return Antwoord(r.status, r.read().decode(), dict(r.headers))
    except urllib.error.HTTPError as fout:
        return Antwoord(fout.code, fout.read().decode(), dict(fout.headers))


@dataclass
class Webserver:
    url: str
    log: Path

    def regels(self) -> list[str]:
        return self.log.read_text().splitlines()


@contextlib.contextmanager
def gunicorn(env: dict[str, str], log: Path) -> Iterator[Webserver]:
    """gunicorn with the project's configuration (bedrijfsvoering/gunicorn.py), as the README
    and the systemd unit start it, on a free port of 127.0.0.1; stopped afterwards."""
    poort = vrije_poort()
    env = {"WEB_WORKERS": "2", **env}
    with log.open("w") as uit:
        proces = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "python:bedrijfsvoering.gunicorn",
                "aanbesteden.wsgi",
                "--bind",
                f"127.0.0.1:{poort}",
            ],
            cwd=BASE,
            env=env,
            stdout=uit,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{poort}"
    try:
        einde = time.monotonic() + 60
        while True:
            try:
                if opvragen(f"{url}/gezond/leven/").status == 200:
                    break
            except OSError:
                pass
            if proces.poll() is not None or time.monotonic() > einde:
                raise RuntimeError(f"gunicorn did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield Webserver(url, log)
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait()


def zegelcertificaat(pad: Path, wachtwoord: str, **kwargs) -> Path:
    """A real PKCS#12 file with a key and a self-signed certificate."""
    from aanbesteden.zegel import ontwikkelcertificaat_maken

    return ontwikkelcertificaat_maken(pad, wachtwoord=wachtwoord.encode(), **kwargs)


def echte_database_en_redis() -> tuple[str, str] | None:
    """The PostgreSQL and Redis of this test run (DATABASE_URL, CELERY_BROKER_URL), if any."""
    database = os.environ.get("DATABASE_URL", "")
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if database.startswith(("postgres://", "postgresql://")) and broker.startswith("redis://"):
        return database, broker
    return None
