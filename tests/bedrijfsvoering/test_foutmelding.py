"""Error reporting is switched on by SENTRY_DSN alone: an error in a request then reaches the
configured service (here a local HTTP server standing in for it), with the request id and
without personal data; without SENTRY_DSN nothing is set up and nothing is sent."""

from __future__ import annotations

import gzip
import http.server
import json
import threading

import pytest

from .hulp import BASE, manage

CODE = """
import sentry_sdk
from django.test import Client, override_settings
print("actief", sentry_sdk.get_client().is_active())
with override_settings(ROOT_URLCONF="tests.aanbesteden.urls_fouten", ALLOWED_HOSTS=["testserver"]):
    c = Client(raise_request_exception=False)
    c.cookies["voorkeur"] = "geheim-koekje"
    r = c.get(
        "/test/kapot/?email=piet@example.org",
        HTTP_X_REQUEST_ID="0123456789abcdef0123456789abcdef",
    )
    print("status", r.status_code)
sentry_sdk.flush(timeout=10)
"""


@pytest.fixture
def ontvanger():
    """A local HTTP server that keeps what is posted to it (Sentry's envelope endpoint)."""
    ontvangen: list[bytes] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            codering = self.headers.get("Content-Encoding")
            if codering == "gzip":
                data = gzip.decompress(data)
            elif codering == "br":
                import brotli

                data = brotli.decompress(data)
            ontvangen.append(data)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    yield server.server_address[1], ontvangen
    server.shutdown()
    server.server_close()


def _env(**extra):
    import os

    env = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "VIRTUAL_ENV"}}
    env.update(
        DJANGO_SETTINGS_MODULE="aanbesteden.settings.dev",
        DATABASE_URL="sqlite:///:memory:",
        PYTHONPATH=str(BASE),
        VERTROUWDE_PROXIES="1",
        **extra,
    )
    return env


def test_fout_gaat_naar_sentry_met_verzoek_id_zonder_persoonsgegevens(ontvanger):
    poort, ontvangen = ontvanger
    uit = manage("shell", "-c", CODE, env=_env(SENTRY_DSN=f"http://sleutel@127.0.0.1:{poort}/1"))
    assert uit.returncode == 0, uit.stderr
    assert "actief True" in uit.stdout and "status 500" in uit.stdout
    gebeurtenissen = []
    for envelope in ontvangen:
        for regel in envelope.splitlines():
            try:
                stuk = json.loads(regel)
            except ValueError:
                continue
            if isinstance(stuk, dict) and "exception" in stuk:
                gebeurtenissen.append(stuk)
    (gebeurtenis,) = gebeurtenissen
    assert gebeurtenis["exception"]["values"][-1]["value"] == "Een fout in de software"
    assert gebeurtenis["tags"]["request_id"] == "0123456789abcdef0123456789abcdef"
    assert gebeurtenis["environment"] == "dev"
    # No cookies, no user, no query string or body: nothing personal.
    verzoek = json.dumps(gebeurtenis.get("request", {}))
    assert "geheim-koekje" not in verzoek and "piet@example.org" not in verzoek
    assert "user" not in gebeurtenis


def test_zonder_sentry_dsn_niets(ontvanger):
    poort, ontvangen = ontvanger
    uit = manage("shell", "-c", CODE, env=_env())
    assert uit.returncode == 0, uit.stderr
    assert "actief False" in uit.stdout and "status 500" in uit.stdout
    assert ontvangen == []
