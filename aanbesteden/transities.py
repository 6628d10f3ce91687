"""The Traject state machine as one table: every fact of a transition in one row.

Everything else reads this table: ``models.Traject`` gets one django-fsm transition per row
(source, target, the roles as its permission, the registered requirements as its condition);
the chokepoint ``services.traject_transitie`` asks whether a motivation is required; the
traject page takes label and direction (a step back or out shows no checklist); a phase app
that undoes something on a move back names it with ``terugreden``; and ``manage.py
transities`` prints the table with what the phase apps registered on each row
(``docs/transities.md``).

What a phase app plugs into a transition (requirements, follow-ups, its own message) is not
here but in ``aanbesteden.fasen``, which accepts only the names of this table.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from .constants import Rol
from .constants import TrajectStatus as S


class Richting(enum.StrEnum):
    """Where a transition takes the traject on its journey."""

    VOORUIT = "vooruit"  # on to the next phase (or the end it was heading for)
    TERUG = "terug"  # back to an earlier phase; the data stays
    UIT = "uit"  # off the journey: rejected, withdrawn, ended


@dataclass(frozen=True)
class Transitie:
    """One transition of the traject.

    ``label`` names the step on buttons, pages and in the demo. ``terugreden`` names a move
    back in the record of what it undid (a phase app's withdrawn agreements); without it the
    label does.
    """

    naam: str
    van: tuple[str, ...]
    naar: str
    rollen: tuple[str, ...]
    label: Any  # a lazy translatable string
    richting: Richting
    motivatie_verplicht: bool = False
    terugreden: Any = None  # a lazy translatable string, for moves back only

    def __post_init__(self) -> None:
        if not self.van or not self.rollen:
            raise ValueError(f"Transition {self.naam!r} needs source states and roles")
        if self.terugreden is not None and self.richting != Richting.TERUG:
            raise ValueError(f"Transition {self.naam!r}: only a move back has a terugreden")

    @property
    def vooruit(self) -> bool:
        return self.richting == Richting.VOORUIT

    @property
    def reden_terug(self) -> Any:
        """How a move back is named where a phase app records what it undid."""
        return self.terugreden or self.label


A, INI = Rol.AMBTENAAR, Rol.INITIATIEFNEMER
VOORUIT, TERUG, UIT = Richting.VOORUIT, Richting.TERUG, Richting.UIT

# fmt: off
#: Every transition, in the order of the journey (the traject page lists steps in this order).
TABEL: tuple[Transitie, ...] = (
    Transitie(
        "indienen", (S.CONCEPT,), S.INGEDIEND, (INI,), _("Voorstel indienen"), VOORUIT
    ),
    Transitie(
        "toelaten", (S.INGEDIEND,), S.HORIZON, (A,), _("Toelaten"), VOORUIT,
        motivatie_verplicht=True,
    ),
    Transitie(
        "afwijzen", (S.INGEDIEND,), S.AFGEWEZEN, (A,), _("Afwijzen"), UIT,
        motivatie_verplicht=True,
    ),
    Transitie(
        "naar_coalitie", (S.HORIZON,), S.COALITIE, (A, INI), _("Door naar vitale coalities"),
        VOORUIT,
    ),
    Transitie(
        "terug_naar_horizon", (S.COALITIE,), S.HORIZON, (A, INI),
        _("Terug naar de stip aan de horizon"), TERUG, motivatie_verplicht=True,
    ),
    Transitie(
        "naar_route", (S.COALITIE,), S.ROUTE, (A, INI), _("Door naar routes naar de horizon"),
        VOORUIT,
    ),
    Transitie(
        "terug_naar_coalitie", (S.ROUTE,), S.COALITIE, (A, INI), _("Terug naar vitale coalities"),
        TERUG, motivatie_verplicht=True,
    ),
    Transitie(
        "naar_overdracht", (S.ROUTE,), S.OVERDRACHT, (A,), _("Door naar formele overdracht"),
        VOORUIT,
    ),
    Transitie(
        "terug_naar_route", (S.OVERDRACHT,), S.ROUTE, (A, INI), _("Terug naar de route"), TERUG,
        motivatie_verplicht=True,
    ),
    Transitie(
        "naar_evaluatie", (S.OVERDRACHT,), S.EVALUATIE, (A,),
        _("Door naar evaluatie en verankering"), VOORUIT,
    ),
    Transitie(
        "bijsturen", (S.EVALUATIE,), S.ROUTE, (A,), _("Bijsturen: terug naar de route"), TERUG,
        motivatie_verplicht=True, terugreden=_("Bijsturen na evaluatie"),
    ),
    Transitie(
        "verankeren", (S.EVALUATIE,), S.VERANKERD, (A,), _("Verankeren"), VOORUIT,
        motivatie_verplicht=True,
    ),
    Transitie(
        "beeindigen", (S.EVALUATIE,), S.BEEINDIGD, (A,), _("Beëindigen"), UIT,
        motivatie_verplicht=True,
    ),
    Transitie(
        "intrekken",
        (S.CONCEPT, S.INGEDIEND, S.HORIZON, S.COALITIE, S.ROUTE, S.OVERDRACHT),
        S.INGETROKKEN, (INI, A), _("Traject intrekken"), UIT, motivatie_verplicht=True,
    ),
)
# fmt: on

#: The table by name (in the order of the journey).
TRANSITIES: dict[str, Transitie] = {t.naam: t for t in TABEL}
if len(TRANSITIES) != len(TABEL):  # pragma: no cover - a mistake in the table above
    raise ValueError("Two rows of the transition table have the same name")
