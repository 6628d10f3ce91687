"""Real parts that the fault tests start, stop and break themselves: a Redis server of their
own on a free port, a Celery worker on it (in a thread or as a process), and an SMTP server
on 127.0.0.1 that refuses mail with 451 for as long as the test wants."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wacht_tot(voorwaarde, *, seconden: float, stap: float = 0.2, wat: str = "") -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return
        time.sleep(stap)
    raise AssertionError(f"not within {seconden} s: {wat}")


def _luistert(poort: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", poort)) == 0


class RedisServer:
    """A redis-server of the test's own, without persistence: stopping it also empties its
    queues (as a restart of an unpersisted Redis, or a flush, does)."""

    def __init__(self, map: Path) -> None:
        if shutil.which("redis-server") is None:
            pytest.skip("redis-server is not installed")
        self.poort = vrije_poort()
        self.map = map
        self.proces: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.poort}/0"

    def start(self) -> None:
        self.proces = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.poort),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.map),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wacht_tot(lambda: _luistert(self.poort), seconden=10, wat="redis-server starts")

    def stop(self) -> None:
        if self.proces is not None and self.proces.poll() is None:
            self.proces.terminate()
            self.proces.wait(timeout=10)
        self.proces = None


@contextlib.contextmanager
def redis_server(map: Path) -> Iterator[RedisServer]:
    server = RedisServer(map)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def celery_op(broker_url: str) -> Iterator[None]:
    """The Celery app of this process on ``broker_url``, not in-process: tasks go through the
    broker. The pools made for the previous broker are dropped (and again afterwards)."""
    from aanbesteden import werk
    from aanbesteden.celery import app

    def pools_weg() -> None:
        # kombu keeps its pools per broker address; the app only has to look them up again.
        app._pool = None
        app.amqp._producer_pool = None

    # The read and write addresses: Celery reads CELERY_BROKER_URL from the environment before
    # its setting, so only these two move the app to another broker.
    oud = (app.conf.broker_read_url, app.conf.broker_write_url, app.conf.task_always_eager)
    pools_weg()
    app.conf.broker_read_url = app.conf.broker_write_url = broker_url
    app.conf.task_always_eager = False
    werk._broker_weg_tot = 0.0
    try:
        yield
    finally:
        pools_weg()
        app.conf.broker_read_url, app.conf.broker_write_url, app.conf.task_always_eager = oud
        werk._broker_weg_tot = 0.0


# --- a worker as a process of its own, that a test can kill ------------------------------------
@contextlib.contextmanager
def worker_proces(env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """``celery worker`` with the project's app as its own process (group), on the test's
    broker and database; killed with SIGKILL afterwards if still running."""
    with log.open("a") as uit:
        proces = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "aanbesteden",
                "worker",
                "--pool",
                "solo",
                "--concurrency",
                "1",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "--loglevel",
                "INFO",
                "--queues",
                env["CELERY_TASK_DEFAULT_QUEUE"],
            ],
            cwd=BASE,
            env=env,
            stdout=uit,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield proces
    finally:
        if proces.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proces.pid, signal.SIGKILL)
            proces.wait(timeout=10)


# --- an SMTP server that refuses for a while ---------------------------------------------------
class WeigerendeSMTP:
    """aiosmtpd on 127.0.0.1:<free port>. While ``weigeren`` is set, every message is answered
    with 451 (a temporary refusal, as greylisting gives); otherwise it is kept in
    ``ontvangen`` as parsed e-mail messages."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.weigeren = True
        self.geweigerd = 0
        self.ontvangen: list = []
        self.poort = vrije_poort()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.poort)

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's name
        from email import message_from_bytes, policy

        if self.weigeren:
            self.geweigerd += 1
            return "451 4.7.1 Greylisted, please try again later"
        self.ontvangen.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@contextlib.contextmanager
def smtp_server() -> Iterator[WeigerendeSMTP]:
    server = WeigerendeSMTP()
    server.controller.start()
    try:
        yield server
    finally:
        server.controller.stop()
