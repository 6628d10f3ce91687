"""The general message after a transition: everybody involved (except the one who acted)
hears that the traject is in a new phase. A follow-up registered for every transition; it
stays silent where a phase app sends its own, more specific message
(``fasen.eigen_melding``, such as the decision on a proposal).

The app is listed after the phase apps in ``INSTALLED_APPS``, so these follow-ups run after
theirs, and the general message comes after what the phase apps tell."""

from __future__ import annotations

from collections.abc import Callable

from aanbesteden.fasen import fasen
from aanbesteden.services import traject_betrokkenen
from aanbesteden.transities import TRANSITIES

from .berichten import bericht_versturen
from .constants import NotificatieSoort


def _fase_melden_na(transitie: str) -> Callable[..., None]:
    def fase_melden(*, traject, door, motivatie) -> None:
        if fasen.heeft_eigen_melding(transitie):
            return
        bericht_versturen(
            ontvangers=[u for u in traject_betrokkenen(traject) if u.pk != door.pk],
            soort=NotificatieSoort.TRANSITIE,
            sjabloon="meldingen/mail/transitie",
            context={"traject": traject, "naar": traject.status, "door": door},
            traject=traject,
            url=traject.get_absolute_url(),
        )

    fase_melden.__name__ = f"fase_melden_na_{transitie}"
    return fase_melden


#: The follow-up per transition (tests that switch off the phase apps keep these).
FASEMELDINGEN: dict[str, Callable[..., None]] = {}

for _transitie in TRANSITIES:
    FASEMELDINGEN[_transitie] = fasen.na_transitie(_transitie)(_fase_melden_na(_transitie))
