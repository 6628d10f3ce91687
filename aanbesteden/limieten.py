"""The client's real address, and the limits on everything that mails somebody or creates
data for a visitor.

``client_adres`` is the one reader of the client's address: the lock-out (django-axes,
``AXES_CLIENT_IP_CALLABLE``) and the limits (django-ratelimit, ``RATELIMIT_IP_META_KEY``) both
use it. django-ratelimit counts in the cache (Redis in production, this process's memory in
the embedded mode and the tests); ``limiet_bewaken`` only names what is counted. Over a limit
it raises ``LimietBereikt``, which django-ratelimit's middleware answers with the 429 page
(``aanbesteden.views.limiet_bereikt``).
"""

from __future__ import annotations

import ipaddress
from functools import cache

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage
from django_ratelimit.exceptions import Ratelimited
from python_ipware import IpWare


@cache
def _ipware(vertrouwde_proxies: int) -> IpWare:
    # X-Forwarded-For only (other headers are the client's to forge). Each proxy appends the
    # address it was called from, so behind N trusted proxies the client is the Nth address
    # from the right; python-ipware counts the proxies in the header, that is one fewer.
    return IpWare(precedence=("HTTP_X_FORWARDED_FOR",), proxy_count=vertrouwde_proxies - 1)


def client_adres(request: HttpRequest) -> str:
    """The address of the client: REMOTE_ADDR, or behind ``VERTROUWDE_PROXIES`` trusted proxies
    the address the outermost of them saw. Addresses further left in X-Forwarded-For are the
    client's own words and are ignored. An IPv6 client counts as its /64 network, which one
    connection usually has to itself, so that it cannot change address for every attempt."""
    adres = None
    if settings.VERTROUWDE_PROXIES > 0:
        adres, _vertrouwd = _ipware(settings.VERTROUWDE_PROXIES).get_client_ip(request.META)
    if adres is None:
        try:
            adres = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
        except ValueError:
            return "0.0.0.0"  # noqa: S104 - not a listening address: one shared counter
    if isinstance(adres, ipaddress.IPv6Address):
        if adres.ipv4_mapped is not None:
            return str(adres.ipv4_mapped)
        return str(ipaddress.ip_network(f"{adres}/64", strict=False).network_address)
    return str(adres)


class LimietBereikt(Ratelimited):
    """Too many requests of one kind; ``wacht_seconden`` until the first limit passed ends."""

    def __init__(self, wacht_seconden: int) -> None:
        super().__init__()
        self.wacht_seconden = wacht_seconden


def _adres_sleutel(adres: str) -> str:
    # "anne+1@…" and "anne+2@…" reach the same mailbox: they count as one address.
    lokaal, _at, domein = adres.strip().lower().rpartition("@")
    return f"{lokaal.split('+', 1)[0]}@{domein}"


def limiet_bewaken(
    request: HttpRequest,
    *,
    soort: str,
    adres: str = "",
    traject: int | None = None,
    per_client: list[str] | None = None,
) -> None:
    """Count one request of ``soort`` that is about to mail ``adres`` or create data; call it
    once the form is valid, before anything is made or mailed.

    Counted per client address (``LIMIET_PER_CLIENT``), per e-mail address
    (``LIMIET_PER_ADRES``, whether or not an account has it, so the answer tells nothing about
    the address) and, for requests from within a traject, per traject and sender
    (``LIMIET_PER_TRAJECT``). Raises ``LimietBereikt`` when one of them is exceeded.
    ``per_client`` replaces ``LIMIET_PER_CLIENT`` for requests that only read (the public
    API: ``LIMIET_API_PER_CLIENT``).
    """
    tellers: list[tuple[str, str, list[str]]] = [
        (
            "client",
            client_adres(request),
            settings.LIMIET_PER_CLIENT if per_client is None else per_client,
        )
    ]
    if adres:
        tellers.append(("adres", _adres_sleutel(adres), settings.LIMIET_PER_ADRES))
    if traject is not None:
        tellers.append(("traject", f"{traject}:{request.user.pk}", settings.LIMIET_PER_TRAJECT))
    wachten: list[int] = []
    for naam, waarde, rates in tellers:
        for rate in rates:
            gebruik = get_usage(
                request,
                group=f"{soort}:{naam}",
                key=lambda _groep, _request, waarde=waarde: waarde,
                rate=rate,
                increment=True,
            )
            if gebruik is not None and gebruik["should_limit"]:
                # time_left is -1 when the cache did not answer: then wait a minute.
                wachten.append(gebruik["time_left"] if gebruik["time_left"] > 0 else 60)
    if wachten:
        raise LimietBereikt(max(wachten))
