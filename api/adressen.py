"""Whether a webhook address reaches the public internet: in production a delivery may not be
aimed at the platform's own network (loopback, private, link-local addresses, such as a cloud
metadata service). Checked when subscribing and again before every delivery, since a name can
resolve differently later."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit


def niet_publiek(url: str) -> str | None:
    """Why ``url`` does not reach only public addresses, or ``None`` when it does."""
    host = urlsplit(url).hostname
    if not host:
        return "geen host"
    try:
        adressen = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError) as exc:
        return f"onbekende host ({exc.__class__.__name__})"
    for adres in adressen:
        ip = ipaddress.ip_address(adres.split("%", 1)[0])
        if not ip.is_global:
            return f"{host} wijst naar een niet-openbaar adres ({ip})"
    return None
