"""The test OpenID Connect provider (``testaanbieder.mjs``, the `oidc-provider` package from
npm) as a Python object: started on a free port of 127.0.0.1, stopped at the end, its test
accounts written to a file it reads on every log-in; and a browser's walk through its log-in
page with ``requests`` (no mocked endpoint: the platform talks to it over HTTP)."""

from __future__ import annotations

import json
import os
import select
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

MAP = Path(__file__).resolve().parent
SCRIPT = MAP / "testaanbieder.mjs"
NODE_MODULES = MAP.parent.parent / "node_modules" / "oidc-provider"

#: The platform's callback as the Django test client's host sees it.
TERUG_TESTSERVER = "http://testserver/inloggen/oidc/terug/"

#: The platform's client at the test OIDC provider (the secret reaches the platform through
#: the setting ``OIDC_CLIENT_SECRETS``, as in production from the environment).
OIDC_CLIENT_ID = "platform-test"
OIDC_CLIENT_SECRET = "testgeheim-van-het-platform-bij-de-aanbieder"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def beschikbaar() -> str:
    """'' when the provider can run here, else why not."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not NODE_MODULES.is_dir():
        return "node_modules/oidc-provider is missing (npm ci)"
    return ""


class Testaanbieder:
    __test__ = False  # a helper, not a test class

    def __init__(self, map: Path, *, clients: list[dict], poort: int | None = None):
        self.poort = poort or vrije_poort()
        self.issuer = f"http://127.0.0.1:{self.poort}"
        self.bestand = map / "oidc-accounts.json"
        self.clients = clients
        self.accounts: dict[str, dict] = {}
        self._schrijven()
        self.proces: subprocess.Popen | None = None

    def _schrijven(self) -> None:
        tijdelijk = self.bestand.with_suffix(".tmp")
        tijdelijk.write_text(json.dumps({"clients": self.clients, "accounts": self.accounts}))
        tijdelijk.replace(self.bestand)

    def account(self, login: str, *, wachtwoord: str = "test-wachtwoord", **claims) -> str:
        """Add or change a test account (its claims count from the next log-in)."""
        self.accounts[login] = {"wachtwoord": wachtwoord, "claims": claims}
        self._schrijven()
        return login

    def starten(self, timeout: float = 30) -> Testaanbieder:
        omgeving = {**os.environ, "OIDC_POORT": str(self.poort), "OIDC_STOP_MET_STDIN": "1"}
        self.proces = subprocess.Popen(
            ["node", str(SCRIPT), str(self.bestand)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=omgeving,
            text=True,
        )
        einde = time.monotonic() + timeout
        assert self.proces.stdout is not None
        while time.monotonic() < einde:
            klaar, _, _ = select.select([self.proces.stdout], [], [], 0.5)
            if klaar:
                regel = self.proces.stdout.readline()
                if regel.startswith("KLAAR"):
                    return self
                if not regel and self.proces.poll() is not None:
                    break
        self.stoppen()
        raise RuntimeError(f"the test OIDC provider did not start on port {self.poort}")

    def stoppen(self) -> None:
        if self.proces is not None and self.proces.poll() is None:
            self.proces.terminate()
            try:
                self.proces.wait(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover
                self.proces.kill()
                self.proces.wait()
        self.proces = None

    def inloggen(
        self, autorisatie_url: str, login: str, wachtwoord: str = "test-wachtwoord"
    ) -> str:
        """Walk as a browser from the platform's redirect to the provider until the provider
        sends the browser back to the platform: open the log-in page, post the form, follow
        every redirect on the provider. Returns the address the provider sends back to."""
        browser = requests.Session()
        url = autorisatie_url
        gepost = False
        for _ in range(20):
            if not url.startswith(self.issuer):
                return url
            antwoord = browser.get(url, allow_redirects=False, timeout=10)
            if antwoord.status_code in (302, 303) and "Location" in antwoord.headers:
                url = urljoin(url, antwoord.headers["Location"])
                continue
            if antwoord.status_code == 200 and 'name="login"' in antwoord.text and not gepost:
                pad = urlsplit(url).path
                antwoord = browser.post(
                    urljoin(self.issuer, pad),
                    data={"login": login, "wachtwoord": wachtwoord},
                    allow_redirects=False,
                    timeout=10,
                )
                gepost = True
                if antwoord.status_code == 401:
                    raise PermissionError("the provider refused the log-in")
                url = urljoin(url, antwoord.headers["Location"])
                continue
            raise AssertionError(
                f"unexpected answer from the provider: {antwoord.status_code} {url}\n"
                f"{antwoord.text[:500]}"
            )
        raise AssertionError("too many redirects at the provider")
