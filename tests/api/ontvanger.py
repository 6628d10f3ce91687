"""A webhook receiver for the tests: a small HTTP server on 127.0.0.1 in a thread that keeps
every request and answers with the status codes it is given, in turn (then 200)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Ontvangen:
    pad: str
    koppen: dict[str, str]
    inhoud: bytes


@dataclass
class Ontvanger:
    antwoorden: list[int] = field(default_factory=list)
    ontvangen: list[Ontvangen] = field(default_factory=list)
    url: str = ""

    def __post_init__(self) -> None:
        self._slot = threading.Lock()

    def antwoord(self) -> int:
        with self._slot:
            return self.antwoorden.pop(0) if self.antwoorden else 200


def start(antwoorden: list[int] | None = None):
    """(receiver, server); the caller shuts the server down."""
    ontvanger = Ontvanger(antwoorden=list(antwoorden or []))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the name http.server calls
            lengte = int(self.headers.get("Content-Length", 0))
            inhoud = self.rfile.read(lengte)
            with ontvanger._slot:
                ontvanger.ontvangen.append(Ontvangen(self.path, dict(self.headers), inhoud))
            status = ontvanger.antwoord()
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ontvanger.url = f"http://127.0.0.1:{server.server_address[1]}/webhook"
    return ontvanger, server
