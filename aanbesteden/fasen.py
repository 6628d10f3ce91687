"""The registry through which the phase apps plug into the Traject state machine.

The core does not import the phase apps. Each phase app registers, in its own ``fasen`` module:

* ``@fasen.vereiste(transitie, code, bericht)`` – a named requirement: a side-effect-free check
  ``(traject) -> bool`` with a translatable message that says what is still missing. The
  transition's guard is "every registered requirement holds"; the traject page lists the unmet.
* ``@fasen.na_transitie(transitie)`` – work that follows a transition ``(traject, door,
  motivatie) -> None``, run inside the transition's database transaction (schedule mail and
  tasks with ``transaction.on_commit``).
* ``@fasen.demo(transitie)`` – demo-data preparation ``(traject, demo) -> None`` that makes the
  requirements of a transition hold, used by ``manage.py seed_demo``.
* ``fasen.paneel(...)`` – a section of the traject page (template plus context function).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Traject


#: Objects shared by the requirement checks of one evaluation (see ``FasenRegister.gedeeld``).
_GEDEELD: ContextVar[dict | None] = ContextVar("vereisten_gedeeld", default=None)


@dataclass(frozen=True)
class Vereiste:
    transitie: str
    code: str
    bericht: Any  # a lazy translatable string
    controle: Callable[[Traject], bool]

    def vervuld(self, traject: Traject) -> bool:
        return bool(self.controle(traject))


@dataclass(frozen=True)
class Paneel:
    """A section of the traject page.

    ``context(request, traject, rollen)`` returns the template context (or ``None`` to hide the
    section); it must run a bounded number of queries.
    """

    code: str
    template: str
    context: Callable[..., dict | None]
    volgorde: int = 50


@dataclass
class FasenRegister:
    _vereisten: dict[str, dict[str, Vereiste]] = field(default_factory=lambda: defaultdict(dict))
    _gevolgen: dict[str, list[Callable]] = field(default_factory=lambda: defaultdict(list))
    _demo: dict[str, list[Callable]] = field(default_factory=lambda: defaultdict(list))
    _panelen: dict[str, Paneel] = field(default_factory=dict)
    _condities: dict[str, Callable] = field(default_factory=dict)
    _eigen_melding: set[str] = field(default_factory=set)

    # --- requirements -------------------------------------------------------------------------
    def vereiste(self, transitie: str, code: str, bericht: Any):
        def decorator(controle: Callable[[Traject], bool]):
            self._vereisten[transitie][code] = Vereiste(transitie, code, bericht, controle)
            return controle

        return decorator

    def vereisten(self, transitie: str) -> list[Vereiste]:
        return list(self._vereisten.get(transitie, {}).values())

    def onvervuld(self, traject: Traject, transitie: str) -> list[Vereiste]:
        token = _GEDEELD.set({})
        try:
            return [v for v in self.vereisten(transitie) if not v.vervuld(traject)]
        finally:
            _GEDEELD.reset(token)

    def gedeeld(self, sleutel: Any, maker: Callable[[], Any]) -> Any:
        """An object several requirement checks need (say, the proposal), read once per
        evaluation of a transition's requirements; outside an evaluation it is read afresh."""
        cache = _GEDEELD.get()
        if cache is None:
            return maker()
        if sleutel not in cache:
            cache[sleutel] = maker()
        return cache[sleutel]

    def conditie(self, transitie: str) -> Callable[[Traject], bool]:
        """The guard django-fsm calls: true when every requirement of the transition holds."""
        if transitie not in self._condities:

            def vereisten_vervuld(traject: Traject) -> bool:
                return not self.onvervuld(traject, transitie)

            vereisten_vervuld.__name__ = f"vereisten_{transitie}"
            self._condities[transitie] = vereisten_vervuld
        return self._condities[transitie]

    # --- follow-ups ---------------------------------------------------------------------------
    def na_transitie(self, transitie: str):
        def decorator(func: Callable):
            self._gevolgen[transitie].append(func)
            return func

        return decorator

    def gevolgen(self, transitie: str) -> list[Callable]:
        return list(self._gevolgen.get(transitie, []))

    def eigen_melding(self, *transities: str) -> None:
        """The phase app sends its own, more specific message for these transitions (a
        decision, a submission), so the core's general "new phase" message is left out."""
        self._eigen_melding.update(transities)

    def heeft_eigen_melding(self, transitie: str) -> bool:
        return transitie in self._eigen_melding

    # --- demo data ----------------------------------------------------------------------------
    def demo(self, transitie: str):
        def decorator(func: Callable):
            self._demo[transitie].append(func)
            return func

        return decorator

    def demo_voorbereidingen(self, transitie: str) -> list[Callable]:
        return list(self._demo.get(transitie, []))

    # --- traject page sections ----------------------------------------------------------------
    def paneel(self, code: str, template: str, context: Callable, volgorde: int = 50) -> None:
        self._panelen[code] = Paneel(code, template, context, volgorde)

    def panelen(self) -> list[Paneel]:
        return sorted(self._panelen.values(), key=lambda p: (p.volgorde, p.code))


fasen = FasenRegister()
