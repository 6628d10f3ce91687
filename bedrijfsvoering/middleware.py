"""Middleware of the operations side: the internal endpoints, the request id, the request line.

Order in ``MIDDLEWARE`` (settings/base.py): ``InterneVerzoekenMiddleware`` first,
``verzoek_id_middleware`` and ``VerzoekLogMiddleware`` right after django-prometheus'
``PrometheusBeforeMiddleware``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from asgiref.sync import async_to_sync, iscoroutinefunction
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django_guid.context import guid as verzoek_id
from django_guid.middleware import guid_middleware

from .logboek import gebruiker_id

log = logging.getLogger("bedrijfsvoering.verzoeken")

#: The URL names answered before anything else (bedrijfsvoering/urls.py).
INTERNE_PAGINAS = (
    "bedrijfsvoering:leven",
    "bedrijfsvoering:klaar",
    "bedrijfsvoering:gezond",
    "bedrijfsvoering:metrics",
)


class InterneVerzoekenMiddleware:
    """Answers the health and metrics endpoints before any other middleware runs.

    A load balancer calls them over plain HTTP on the internal address of the web process
    (``http://10.0.0.5:8000/gezond/klaar/``): that host name is not in ``ALLOWED_HOSTS`` and
    production redirects plain HTTP to HTTPS. Answering here, before ``SecurityMiddleware``
    and before anything asks for the host name, lets those requests through without opening
    either for the rest of the site. The endpoints tell nothing secret (the health pages say
    only "ok" or "fout" per part; metrics need a token or an allowed network). Their requests
    are not logged line by line (a probe every few seconds), nor counted in the metrics:
    gunicorn's access log has them.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._paden: dict[str, Callable[..., Any]] | None = None

    def _interne_paden(self) -> dict[str, Callable[..., Any]]:
        if self._paden is None:
            from django.urls import get_script_prefix, resolve

            paden = {}
            prefix = get_script_prefix()
            for naam in INTERNE_PAGINAS:
                # As request.path_info has it: without the prefix the site may be served under.
                pad = "/" + reverse(naam).removeprefix(prefix).lstrip("/")
                paden[pad] = resolve(pad).func
            self._paden = paden
        return self._paden

    def __call__(self, request: HttpRequest) -> HttpResponse:
        view = self._interne_paden().get(request.path_info)
        if view is None:
            return self.get_response(request)
        if iscoroutinefunction(view):
            return async_to_sync(view)(request)
        return view(request)


def verzoek_id_middleware(get_response: Callable[[HttpRequest], HttpResponse]):
    """django-guid's request id (header ``X-Request-ID``), taken from the request only when a
    trusted proxy is in front (``VERTROUWDE_PROXIES`` > 0), which sets it for every request;
    without one a client could choose the id its lines are logged under."""
    guid = guid_middleware(get_response)

    def middleware(request: HttpRequest) -> HttpResponse:
        if not settings.VERTROUWDE_PROXIES:
            request.META.pop("HTTP_X_REQUEST_ID", None)
        try:
            return guid(request)
        finally:
            # The next request in this thread starts without one (django-guid leaves it).
            verzoek_id.set(None)

    return middleware


class VerzoekLogMiddleware:
    """One log line per request: method, path, status, duration and the user, under the
    request id. The user id is also put on every other line logged while the view runs.

    The path is logged without its query string (one-time log-in links carry their key
    there), and the token of a password-reset link is left out of it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        begin = time.monotonic()
        token = gebruiker_id.set(None)
        try:
            response = self.get_response(request)
            duur = round((time.monotonic() - begin) * 1000, 1)
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                gebruiker_id.set(user.pk)
            pad = _pad_zonder_geheimen(request)
            log.info(
                "%s %s %s",
                request.method,
                pad,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": pad,
                    "status": response.status_code,
                    "duration_ms": duur,
                },
            )
            return response
        finally:
            gebruiker_id.reset(token)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            gebruiker_id.set(user.pk)
        return None


def _pad_zonder_geheimen(request: HttpRequest) -> str:
    pad = request.path
    match = getattr(request, "resolver_match", None)
    geheim = match.kwargs.get("token") if match is not None else None
    if isinstance(geheim, str) and geheim:
        pad = pad.replace(geheim, "[token]")
    return pad
