"""The registry through which the phase apps contribute their data to the overviews.

The overviews (the ``overzicht`` app: the officials' dashboard and list, my page, the public
register and its open data, the year report, the archive dossier) sit above the phase apps and
read a phase's data only through what the phase declared here, the way Decidim components
declare their exports. Personal data for the export and erasure has its own register
(``aanbesteden.persoonsgegevens``).

Each phase app registers in its own ``bijdragen`` module, imported from its
``AppConfig.ready``:

```python
from aanbesteden.bijdragen import bijdragen

bijdragen.dashboard_taak(
    "horizon",
    titel=_("Stip aan de horizon wacht op akkoord van de gemeente"),
    template="initiatieven/overzicht/_taak_horizon.html",  # one <li>; gets ``rij``
    rijen=lambda gemeente, peil: Horizon.objects.filter(...).select_related("traject"),
    volgorde=20,
)
```

The kinds, each with a name that may be registered once (a second registration of the same
name raises at start-up):

* ``dashboard_taak`` – what waits for a gemeente's officials: ``rijen(gemeente, peil)`` gives a
  QuerySet; the dashboard shows its first rows and counts it.
* ``mijn_taak`` / ``mijn_sectie`` – what is asked of an initiative member or partner on my
  page, and a section of its own there (open invitations): ``rijen(deelnemer)``.
* ``lijst_kolom`` / ``lijst_filter`` – a column of the officials' list of trajecten and its
  export (``voorbereiden(qs)`` adds what the column shows, in the list's one query; optional
  sortings and term filters), and a filter field of that list.
* ``register_kolom`` / ``register_lijst`` – facts of a handed-over task in the public register
  and its open data, and a list of its own there (the open calls).
* ``openbare_sectie`` – a section of a handed-over task's public page in the register (the
  horizon, the milestones reached, the signed agreement, the evaluations).
* ``zoekbron`` – what the search finds: public sources (calls, published proposals, the
  register) and the officials' own (all trajecten, proposals, partners).
* ``jaarcijfers`` – figures of the year report: ``cijfers(gemeente, jaar)`` gives a dict.
* ``dossier_gegevens`` / ``dossier_bestanden`` – the structured records and the documents of
  a traject in its archive dossier.

Every function runs a fixed number of queries, whatever the number of rows; a contribution
never adds a query per row (the pages' query counts are tested).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import QuerySet
from django.utils import timezone

if TYPE_CHECKING:
    from django import forms

    from .models import Gemeente, Traject, User

#: How many days ahead a term or an evaluation counts as near.
VOORUIT_DAGEN = 14


@dataclass(frozen=True)
class Peil:
    """The day the overviews look from."""

    vandaag: date

    @classmethod
    def nu(cls) -> Peil:
        return cls(vandaag=timezone.localdate())

    @property
    def grens(self) -> date:
        """Up to this day a term or an evaluation counts as near."""
        return self.vandaag + timedelta(days=VOORUIT_DAGEN)


@dataclass(frozen=True)
class Deelnemer:
    """An initiative member or partner, as my page asks the phase apps about them."""

    gebruiker: User
    #: The trajecten where the person has a role of their own (initiative or partner).
    trajecten: QuerySet
    #: The trajecten where the person acts for the initiative.
    als_initiatief: QuerySet
    peil: Peil


@dataclass(frozen=True)
class DashboardTaak:
    code: str
    titel: Any
    template: str
    rijen: Callable[[Gemeente, Peil], QuerySet]
    volgorde: int


@dataclass(frozen=True)
class MijnTaak:
    code: str
    titel: Any
    template: str
    rijen: Callable[[Deelnemer], QuerySet]
    volgorde: int


@dataclass(frozen=True)
class MijnSectie:
    code: str
    template: str
    rijen: Callable[[Deelnemer], QuerySet]
    volgorde: int


@dataclass(frozen=True)
class Sortering:
    label: Any
    volgorde: tuple[Any, ...]


@dataclass(frozen=True)
class Termijn:
    label: Any
    filter: Callable[[QuerySet, Peil], QuerySet]


@dataclass(frozen=True)
class LijstKolom:
    code: str
    voorbereiden: Callable[[QuerySet], QuerySet]
    kop: Any
    cel: str | None
    export: Mapping[str, Callable[[Traject], Any]]
    sorteringen: Mapping[str, Sortering]
    termijnen: Mapping[str, Termijn]
    volgorde: int


@dataclass(frozen=True)
class LijstFilter:
    code: str
    veld: Callable[[Gemeente], forms.Field]
    toepassen: Callable[[QuerySet, Any], QuerySet]
    volgorde: int


@dataclass(frozen=True)
class RegisterKolom:
    code: str
    voorbereiden: Callable[[QuerySet], QuerySet]
    waarden: Callable[[Traject], dict[str, Any]]
    volgorde: int


@dataclass(frozen=True)
class RegisterLijst:
    code: str
    rijen: Callable[[Gemeente], QuerySet]
    rij: Callable[[Any], dict[str, Any]]
    template: str
    volgorde: int


@dataclass(frozen=True)
class Jaarcijfers:
    code: str
    cijfers: Callable[[Gemeente, int], dict[str, Any]]
    volgorde: int


@dataclass(frozen=True)
class DossierGegevens:
    label: str
    rijen: Callable[[Traject], Any]
    weglaten: tuple[str, ...]
    volgorde: int

    @property
    def code(self) -> str:
        return self.label


@dataclass(frozen=True)
class DossierBestanden:
    code: str
    bestanden: Callable[[Traject], list[tuple[str, Any]]]
    volgorde: int


@dataclass(frozen=True)
class OpenbareSectie:
    code: str
    template: str
    gegevens: Callable[[Traject], dict[str, Any] | None]
    volgorde: int


@dataclass(frozen=True)
class Zoekbron:
    code: str
    titel: Any
    zoeken: Callable[[Gemeente | None, str], QuerySet]
    rij: Callable[[Any], dict[str, Any]]
    publiek: bool
    volgorde: int


Bijdrage = TypeVar("Bijdrage")


@dataclass
class Bijdragen:
    """What the phase apps contribute to the overviews. Refuses a name registered twice."""

    _bijdragen: dict[type, dict[str, Any]] = field(default_factory=dict)
    #: Names that must be unique across contributions of one kind (export columns, ...).
    _namen: dict[str, str] = field(default_factory=dict)

    def _toevoegen(self, bijdrage: Any) -> Any:
        soort = self._bijdragen.setdefault(type(bijdrage), {})
        if bijdrage.code in soort:
            raise ValueError(f"{type(bijdrage).__name__} {bijdrage.code!r} is al geregistreerd.")
        soort[bijdrage.code] = bijdrage
        return bijdrage

    def _uniek(self, soort: str, namen: Any, door: str) -> None:
        for naam in namen:
            sleutel = f"{soort}:{naam}"
            if sleutel in self._namen:
                raise ValueError(
                    f"{soort} {naam!r} van {door!r} is al geregistreerd door "
                    f"{self._namen[sleutel]!r}."
                )
            self._namen[sleutel] = door

    # --- declaring ----------------------------------------------------------------------------
    def dashboard_taak(
        self,
        code: str,
        *,
        titel: Any,
        template: str,
        rijen: Callable[[Gemeente, Peil], QuerySet],
        volgorde: int = 50,
    ) -> DashboardTaak:
        """What waits for the gemeente's officials now. ``template`` renders one ``<li>`` for
        one row, which it gets as ``rij`` (and ``vandaag``)."""
        return self._toevoegen(DashboardTaak(code, titel, template, rijen, volgorde))

    def mijn_taak(
        self,
        code: str,
        *,
        titel: Any,
        template: str,
        rijen: Callable[[Deelnemer], QuerySet],
        volgorde: int = 50,
    ) -> MijnTaak:
        """What is asked of an initiative member or partner now (my page)."""
        return self._toevoegen(MijnTaak(code, titel, template, rijen, volgorde))

    def mijn_sectie(
        self,
        code: str,
        *,
        template: str,
        rijen: Callable[[Deelnemer], QuerySet],
        volgorde: int = 50,
    ) -> MijnSectie:
        """A section of my page of its own; ``template`` gets the rows as ``rijen`` and is
        shown only when there are rows."""
        return self._toevoegen(MijnSectie(code, template, rijen, volgorde))

    def lijst_kolom(
        self,
        code: str,
        *,
        voorbereiden: Callable[[QuerySet], QuerySet],
        kop: Any = None,
        cel: str | None = None,
        export: Mapping[str, Callable[[Traject], Any]] | None = None,
        sorteringen: Mapping[str, Sortering] | None = None,
        termijnen: Mapping[str, Termijn] | None = None,
        volgorde: int = 50,
    ) -> LijstKolom:
        """A column of the officials' list of trajecten: ``voorbereiden`` adds to the list's
        query what the column needs (``select_related``, ``annotate``); ``kop`` and ``cel``
        (a template of one ``<td>``, which gets ``traject``) show it; ``export`` names the
        columns of the CSV export with their value; ``sorteringen`` and ``termijnen`` add
        choices to the list's sorting and its term filter."""
        kolom = LijstKolom(
            code,
            voorbereiden,
            kop,
            cel,
            dict(export or {}),
            dict(sorteringen or {}),
            dict(termijnen or {}),
            volgorde,
        )
        if (kop is None) != (cel is None):
            raise ValueError(f"Kolom {code!r}: kop en cel horen bij elkaar.")
        self._uniek("export", kolom.export, code)
        self._uniek("sortering", kolom.sorteringen, code)
        self._uniek("termijn", kolom.termijnen, code)
        return self._toevoegen(kolom)

    def lijst_filter(
        self,
        code: str,
        *,
        veld: Callable[[Gemeente], forms.Field],
        toepassen: Callable[[QuerySet, Any], QuerySet],
        volgorde: int = 50,
    ) -> LijstFilter:
        """A filter field of the officials' list: ``veld(gemeente)`` makes the form field,
        ``toepassen(qs, waarde)`` filters by its (valid, non-empty) value."""
        return self._toevoegen(LijstFilter(code, veld, toepassen, volgorde))

    def register_kolom(
        self,
        code: str,
        *,
        voorbereiden: Callable[[QuerySet], QuerySet],
        waarden: Callable[[Traject], dict[str, Any]],
        volgorde: int = 50,
    ) -> RegisterKolom:
        """Facts of a handed-over task in the public register and its open data: what
        ``voorbereiden`` adds to the register's query, ``waarden(traject)`` reads back as the
        fields of the open data (nothing that identifies a person)."""
        return self._toevoegen(RegisterKolom(code, voorbereiden, waarden, volgorde))

    def register_lijst(
        self,
        code: str,
        *,
        rijen: Callable[[Gemeente], QuerySet],
        rij: Callable[[Any], dict[str, Any]],
        template: str,
        volgorde: int = 50,
    ) -> RegisterLijst:
        """A list of its own in the public register: ``rij(obj)`` is one row of the open data
        (under the key ``code``), ``template`` the section on the page (gets ``rijen``)."""
        return self._toevoegen(RegisterLijst(code, rijen, rij, template, volgorde))

    def openbare_sectie(
        self,
        code: str,
        *,
        template: str,
        gegevens: Callable[[Traject], dict[str, Any] | None],
        volgorde: int = 50,
    ) -> OpenbareSectie:
        """A section of a handed-over task's public page in the register: ``gegevens(traject)``
        gives what ``template`` shows (as ``s``), or ``None`` to leave the section out. Only
        what may be public: never a person's name, address or contact details; a fixed number
        of queries."""
        return self._toevoegen(OpenbareSectie(code, template, gegevens, volgorde))

    def zoekbron(
        self,
        code: str,
        *,
        titel: Any,
        zoeken: Callable[[Gemeente | None, str], QuerySet],
        rij: Callable[[Any], dict[str, Any]],
        publiek: bool,
        volgorde: int = 50,
    ) -> Zoekbron:
        """Something the search finds: ``zoeken(gemeente, tekst)`` gives the matching rows (of
        one gemeente, or of all when ``gemeente`` is None: only for a public source), best
        first, through ``aanbesteden.zoeken.zoek_filter``; ``rij(obj)`` gives ``titel``,
        ``url`` and ``tekst`` of one result. ``publiek``: everyone searches it; else only the
        gemeente's officials."""
        return self._toevoegen(Zoekbron(code, titel, zoeken, rij, publiek, volgorde))

    def jaarcijfers(
        self, code: str, *, cijfers: Callable[[Gemeente, int], dict[str, Any]], volgorde: int = 50
    ) -> Jaarcijfers:
        """Figures of the year report; ``cijfers(gemeente, jaar)`` gives them by name."""
        return self._toevoegen(Jaarcijfers(code, cijfers, volgorde))

    def dossier_gegevens(
        self,
        label: str,
        *,
        rijen: Callable[[Traject], Any],
        weglaten: tuple[str, ...] = (),
        volgorde: int = 50,
    ) -> DossierGegevens:
        """Structured records of a traject for its archive dossier, under ``label`` (the
        model's label, ``app.model``): a QuerySet (serialised row by row, without the fields
        in ``weglaten``) or a value that JSON can hold (a count)."""
        return self._toevoegen(DossierGegevens(label, rijen, tuple(weglaten), volgorde))

    def dossier_bestanden(
        self,
        code: str,
        *,
        bestanden: Callable[[Traject], list[tuple[str, Any]]],
        volgorde: int = 50,
    ) -> DossierBestanden:
        """Documents of a traject for its archive dossier: (name in the ZIP, file field)."""
        return self._toevoegen(DossierBestanden(code, bestanden, volgorde))

    # --- reading ------------------------------------------------------------------------------
    def van(self, soort: type[Bijdrage]) -> list[Bijdrage]:
        """Every contribution of one kind, by ``volgorde`` (then in the order registered)."""
        return sorted(self._bijdragen.get(soort, {}).values(), key=lambda b: b.volgorde)


#: The platform's registry; every phase app's ``bijdragen`` module fills it at start-up.
bijdragen = Bijdragen()
