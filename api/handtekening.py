"""The signature of a webhook delivery: HMAC-SHA256 over the timestamp and the body, with
the subscription's secret. The receiver computes the same and compares (docs/api.md)."""

from __future__ import annotations

import hashlib
import hmac

#: The headers of a delivery.
KOP_TIJDSTIP = "X-Webhook-Tijdstip"
KOP_HANDTEKENING = "X-Webhook-Handtekening"
KOP_LEVERING = "X-Webhook-Levering"
KOP_GEBEURTENIS = "X-Webhook-Gebeurtenis"


def handtekening(*, geheim: str, tijdstip: int, inhoud: bytes) -> str:
    """``sha256=<hex>`` of HMAC-SHA256(geheim, "<tijdstip>." + inhoud)."""
    bericht = str(tijdstip).encode() + b"." + inhoud
    return "sha256=" + hmac.new(geheim.encode(), bericht, hashlib.sha256).hexdigest()


def handtekening_klopt(*, geheim: str, tijdstip: str, inhoud: bytes, ontvangen: str) -> bool:
    """What a receiver does (and the tests): recompute and compare in constant time."""
    try:
        verwacht = handtekening(geheim=geheim, tijdstip=int(tijdstip), inhoud=inhoud)
    except ValueError:
        return False
    return hmac.compare_digest(verwacht, ontvangen)
