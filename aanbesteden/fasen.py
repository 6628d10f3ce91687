"""The registry through which the phase apps plug into the Traject state machine.

The core does not import the phase apps. Each phase app registers, on the transitions of the
table in ``aanbesteden.transities`` and nothing else:

* in ``<app>/fasen.py`` (imported from its ``AppConfig.ready``):

  * ``@fasen.vereiste(transitie, code, bericht)`` – a named requirement: a side-effect-free
    check ``(traject) -> bool`` with a translatable message that says what is still missing.
    The transition's guard is "every registered requirement holds"; the traject page lists
    the unmet ones.
  * ``@fasen.na_transitie(transitie)`` – work that follows a transition ``(traject, door,
    motivatie) -> None``, run inside the transition's database transaction, in the order of
    registration (schedule mail and tasks with ``transaction.on_commit``).
  * ``fasen.eigen_melding(transitie, ...)`` – the app sends its own message for these
    transitions, so the general "new phase" message is left out.
  * ``@fasen.bij_nieuwe_gemeente`` – what a new gemeente is given ``(gemeente) -> None`` (the
    standard assessment criteria), so that the app's pages only read it: a GET never creates
    rows. Run by ``services.gemeente_inrichten`` (the service and the admin make gemeenten).

* in ``<app>/panelen.py`` (imported from its ``AppConfig.ready``): ``fasen.paneel(...)``, a
  section of the traject page (template plus a context function that reads through the app's
  selectors).
* in ``<app>/demo.py`` (imported only by ``manage.py seed_demo``): ``@fasen.demo(transitie)``,
  demo-data preparation ``(traject, demo) -> None`` that makes the requirements of a
  transition hold.

The registry refuses mistakes when the app starts: an unknown transition, a requirement code
or panel code already taken, a follow-up, demo preparation or new-gemeente step registered
twice, a transition whose own message two apps claim (``RegistratieFout``). Tests do not touch
its insides: they take a temporary copy with ``fasen.tijdelijk()`` (see there) or make a new
``FasenRegister()``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured

from .transities import TRANSITIES

if TYPE_CHECKING:
    from .models import Traject


#: Objects shared by the requirement checks of one evaluation (see ``FasenRegister.gedeeld``).
_GEDEELD: ContextVar[dict | None] = ContextVar("vereisten_gedeeld", default=None)


class RegistratieFout(ImproperlyConfigured):
    """A phase app registered something the registry cannot accept; raised at start-up."""


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


def dotted_naam(func: Callable) -> str:
    """``module.function``: how a follow-up or preparation is named in errors and listings."""
    return f"{func.__module__}.{getattr(func, '__qualname__', func.__name__)}"


@dataclass
class _Inhoud:
    """Everything registered, kept together so a test can swap it for a copy."""

    vereisten: dict[str, dict[str, Vereiste]] = field(default_factory=lambda: defaultdict(dict))
    gevolgen: dict[str, list[Callable]] = field(default_factory=lambda: defaultdict(list))
    eigen_melding: set[str] = field(default_factory=set)
    panelen: dict[str, Paneel] = field(default_factory=dict)

    def kopie(self, *, kaal: bool = False) -> _Inhoud:
        if kaal:
            return _Inhoud(panelen=dict(self.panelen))
        return _Inhoud(
            vereisten=defaultdict(dict, {t: dict(v) for t, v in self.vereisten.items()}),
            gevolgen=defaultdict(list, {t: list(g) for t, g in self.gevolgen.items()}),
            eigen_melding=set(self.eigen_melding),
            panelen=dict(self.panelen),
        )


class FasenRegister:
    """What the phase apps plug into the transitions of ``transities`` (by default all of
    them; a test may make a register for other names)."""

    def __init__(self, transities: Iterable[str] = TRANSITIES) -> None:
        self._transities = tuple(transities)
        self._inhoud = _Inhoud()
        # Demo preparations are registered once, when seed_demo imports the demo modules, and
        # stay: a temporary register (``tijdelijk``) does not take them away again.
        self._demo: dict[str, list[Callable]] = defaultdict(list)
        # What a new gemeente is given (registered once at start-up, like the demo's).
        self._nieuwe_gemeente: list[Callable] = []
        self._condities: dict[str, Callable[[Traject], bool]] = {}
        self._tijdelijk = 0

    def _bekend(self, transitie: str, wat: str) -> str:
        if transitie not in self._transities:
            raise RegistratieFout(
                f"{wat} registered on the unknown transition {transitie!r}; the transitions are "
                f"those of aanbesteden.transities: {', '.join(self._transities)}"
            )
        return transitie

    # --- requirements -------------------------------------------------------------------------
    def vereiste(self, transitie: str, code: str, bericht: Any):
        """Register ``controle(traject) -> bool`` as requirement ``code`` of ``transitie``."""
        self._bekend(transitie, f"Requirement {code!r}")

        def decorator(controle: Callable[[Traject], bool]):
            bestaand = self._inhoud.vereisten[transitie].get(code)
            if bestaand is not None:
                raise RegistratieFout(
                    f"Requirement code {code!r} of transition {transitie!r} is already taken by "
                    f"{dotted_naam(bestaand.controle)}; {dotted_naam(controle)} needs another code"
                )
            self._inhoud.vereisten[transitie][code] = Vereiste(transitie, code, bericht, controle)
            return controle

        return decorator

    def vereisten(self, transitie: str) -> list[Vereiste]:
        """The requirements of ``transitie``, in the order they are checked."""
        return list(self._inhoud.vereisten.get(transitie, {}).values())

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
        self._bekend(transitie, "A condition")
        if transitie not in self._condities:

            def vereisten_vervuld(traject: Traject) -> bool:
                return not self.onvervuld(traject, transitie)

            vereisten_vervuld.__name__ = f"vereisten_{transitie}"
            self._condities[transitie] = vereisten_vervuld
        return self._condities[transitie]

    # --- follow-ups ---------------------------------------------------------------------------
    def na_transitie(self, transitie: str):
        """Register ``func(*, traject, door, motivatie)`` to run after ``transitie``."""
        self._bekend(transitie, "A follow-up")

        def decorator(func: Callable):
            naam = dotted_naam(func)
            if naam in {dotted_naam(g) for g in self._inhoud.gevolgen[transitie]}:
                raise RegistratieFout(
                    f"Follow-up {naam} is already registered on transition {transitie!r}"
                )
            self._inhoud.gevolgen[transitie].append(func)
            return func

        return decorator

    def gevolgen(self, transitie: str) -> list[Callable]:
        """The follow-ups of ``transitie``, in the order they run."""
        return list(self._inhoud.gevolgen.get(transitie, []))

    def eigen_melding(self, *transities: str) -> None:
        """The phase app sends its own, more specific message for these transitions (a
        decision, a submission), so the core's general "new phase" message is left out."""
        for transitie in transities:
            self._bekend(transitie, "An own message")
            if transitie in self._inhoud.eigen_melding:
                raise RegistratieFout(
                    f"Transition {transitie!r} already has an app's own message; only one app "
                    "can replace the general message"
                )
        self._inhoud.eigen_melding.update(transities)

    def heeft_eigen_melding(self, transitie: str) -> bool:
        return transitie in self._inhoud.eigen_melding

    # --- a new gemeente -----------------------------------------------------------------------
    def bij_nieuwe_gemeente(self, func: Callable) -> Callable:
        """Register ``func(*, gemeente)``: gives a new gemeente what a phase app's pages read
        (the standard assessment criteria), so that no GET has to make it. Runs in
        ``services.gemeente_inrichten``, on every gemeente made (service and admin)."""
        naam = dotted_naam(func)
        if naam in {dotted_naam(f) for f in self._nieuwe_gemeente}:
            raise RegistratieFout(f"{naam} is already registered for a new gemeente")
        self._nieuwe_gemeente.append(func)
        return func

    def voor_nieuwe_gemeente(self) -> list[Callable]:
        """What a new gemeente is given, in the order registered."""
        return list(self._nieuwe_gemeente)

    # --- demo data ----------------------------------------------------------------------------
    def demo(self, transitie: str):
        """Register ``func(*, traject, demo)``: prepares demo data so that ``transitie``'s
        requirements hold. Only ``<app>/demo.py`` registers these (imported by seed_demo)."""
        self._bekend(transitie, "A demo preparation")

        def decorator(func: Callable):
            naam = dotted_naam(func)
            if naam in {dotted_naam(d) for d in self._demo[transitie]}:
                raise RegistratieFout(
                    f"Demo preparation {naam} is already registered on transition {transitie!r}"
                )
            self._demo[transitie].append(func)
            return func

        return decorator

    def demo_voorbereidingen(self, transitie: str) -> list[Callable]:
        return list(self._demo.get(transitie, []))

    # --- traject page sections ----------------------------------------------------------------
    def paneel(self, code: str, template: str, context: Callable, volgorde: int = 50) -> None:
        bestaand = self._inhoud.panelen.get(code)
        if bestaand is not None:
            raise RegistratieFout(
                f"Panel code {code!r} is already taken by {dotted_naam(bestaand.context)}; "
                f"{dotted_naam(context)} needs another code"
            )
        self._inhoud.panelen[code] = Paneel(code, template, context, volgorde)

    def panelen(self) -> list[Paneel]:
        return sorted(self._inhoud.panelen.values(), key=lambda p: (p.volgorde, p.code))

    # --- for tests ----------------------------------------------------------------------------
    @contextmanager
    def tijdelijk(self, *, kaal: bool = False) -> Iterator[FasenRegister]:
        """A temporary register for a test: inside the block this register holds a copy of what
        the apps registered (``kaal=True``: no requirements, follow-ups or own messages, for
        tests of the bare state machine; the panels stay). What the test registers or leaves
        out inside is gone afterwards; the same refusals apply. Blocks nest."""
        bewaard = self._inhoud
        self._inhoud = bewaard.kopie(kaal=kaal)
        self._tijdelijk += 1
        try:
            yield self
        finally:
            self._tijdelijk -= 1
            self._inhoud = bewaard

    def vereisten_weglaten(self, transitie: str, *codes: str) -> None:
        """Inside ``tijdelijk()`` only: leave out requirements ``codes`` of ``transitie`` (all of
        them when no code is given), for a test that is not about them."""
        if not self._tijdelijk:
            raise RuntimeError("vereisten_weglaten() only works inside fasen.tijdelijk()")
        self._bekend(transitie, "Leaving out requirements")
        eigen = self._inhoud.vereisten[transitie]
        onbekend = set(codes) - set(eigen)
        if onbekend:
            raise KeyError(f"Transition {transitie!r} has no requirements {sorted(onbekend)}")
        for code in codes or list(eigen):
            del eigen[code]


fasen = FasenRegister()
