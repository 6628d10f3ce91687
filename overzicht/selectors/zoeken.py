"""Search across what the phases register as searchable (``bijdragen.zoekbron``): for the
public the calls, published proposals and the register of every gemeente (or one); for a
gemeente's officials also all its trajecten, proposals and partners. One query per source,
at most ``MAX_RESULTATEN`` rows each."""

from __future__ import annotations

from typing import Any

from aanbesteden.bijdragen import Zoekbron, bijdragen
from aanbesteden.models import Gemeente
from aanbesteden.zoeken import MAX_RESULTATEN, zoekwoorden


def zoeken(*, tekst: str, gemeente: Gemeente | None, ambtenaar: bool) -> list[dict[str, Any]]:
    """Per source: its title and its results (``titel``, ``url``, ``tekst``, ``bij``).
    ``ambtenaar``: the officials of ``gemeente`` search its own sources as well."""
    if not zoekwoorden(tekst):
        return []
    uitkomsten = []
    for bron in bijdragen.van(Zoekbron):
        if not bron.publiek and not (ambtenaar and gemeente is not None):
            continue
        rijen = list(bron.zoeken(gemeente, tekst)[:MAX_RESULTATEN])
        uitkomsten.append(
            {
                "code": bron.code,
                "titel": bron.titel,
                "rijen": [bron.rij(r) for r in rijen],
                "vol": len(rijen) == MAX_RESULTATEN,
            }
        )
    return uitkomsten
