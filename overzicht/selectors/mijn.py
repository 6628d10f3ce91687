"""My page: what is asked of an initiative member or partner now (the phase apps' to-dos) and
the sections the phase apps add (open invitations)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aanbesteden.bijdragen import Deelnemer, MijnSectie, MijnTaak, Peil, bijdragen
from aanbesteden.constants import Rol
from aanbesteden.models import User
from aanbesteden.selectors import trajecten_van_gebruiker

from .dashboard import TAKEN_MAX


@dataclass
class Gevraagd:
    """Per kind, the first rows of what is asked of the person; ``gevraagd[code]`` gives the
    rows of a to-do or a section by its code."""

    taken: list[tuple[MijnTaak, list[Any]]] = field(default_factory=list)
    secties: list[tuple[MijnSectie, list[Any]]] = field(default_factory=list)

    def __getitem__(self, code: str) -> list[Any]:
        for bijdrage, rijen in [*self.taken, *self.secties]:
            if bijdrage.code == code:
                return rijen
        raise KeyError(code)

    @property
    def aantal(self) -> int:
        """How many to-dos there are (the sections do not count)."""
        return sum(len(rijen) for _taak, rijen in self.taken)


def deelnemer(*, user: User) -> Deelnemer:
    """The person as the phase apps' contributions ask about them."""
    return Deelnemer(
        gebruiker=user,
        trajecten=trajecten_van_gebruiker(user=user),
        als_initiatief=trajecten_van_gebruiker(user=user, rol=Rol.INITIATIEFNEMER),
        peil=Peil.nu(),
    )


def mijn_gegevens(*, user: User) -> Gevraagd:
    """What is asked of an initiative member or partner now, and the phase apps' sections."""
    wie = deelnemer(user=user)
    return Gevraagd(
        taken=[(taak, list(taak.rijen(wie)[:TAKEN_MAX])) for taak in bijdragen.van(MijnTaak)],
        secties=[
            (sectie, list(sectie.rijen(wie)[:TAKEN_MAX])) for sectie in bijdragen.van(MijnSectie)
        ],
    )
