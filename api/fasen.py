"""Every phase change of a traject is delivered to the webhooks its gemeente subscribed: a
follow-up on every transition of the table (``aanbesteden.fasen``), run in the transition's
transaction; the deliveries are sent after the commit."""

from __future__ import annotations

from collections.abc import Callable

from aanbesteden.fasen import fasen
from aanbesteden.transities import TRANSITIES

from .services import leveringen_aanmaken


def _webhooks_na(transitie: str) -> Callable[..., None]:
    def webhooks_melden(*, traject, door, motivatie) -> None:
        leveringen_aanmaken(traject=traject)

    webhooks_melden.__name__ = f"webhooks_melden_na_{transitie}"
    webhooks_melden.__qualname__ = f"webhooks_melden_na_{transitie}"
    return webhooks_melden


#: The follow-up per transition.
WEBHOOKS: dict[str, Callable[..., None]] = {
    transitie: fasen.na_transitie(transitie)(_webhooks_na(transitie)) for transitie in TRANSITIES
}
