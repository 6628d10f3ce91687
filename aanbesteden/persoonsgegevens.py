"""The register of personal data: which tables hold data about a person, and how the
platform exports and erases it. Personal data is declared here, not remembered in the
services.

The core does not import the phase apps. Every app declares its own models in its own
``privacy`` module (imported from its ``AppConfig.ready``), and the core does the same for
its own models and for the third-party tables it installs (log-ins, sessions, the state log):

```python
from aanbesteden.persoonsgegevens import GEWIST, LEEG, LOSKOPPELEN, register

register.gegevens(
    Partner,
    "partners",
    titel=_("Uw partnerschappen in coalities"),
    rijen=lambda persoon: Partner.objects.filter(gebruiker=persoon.gebruiker),
    export=("traject__titel", "organisatie", "kvk_nummer", "telefoon"),
    wissen={"contactpersoon": GEWIST, "telefoon": LEEG, "kvk_nummer": LEEG},
    bewaren=lambda rijen, persoon: rijen.filter(traject__in=register.gebonden_trajecten()),
    bewaard_wissen={"telefoon": LEEG, "kvk_nummer": LEEG},
    blijft={"gebruiker": _("...why this field stays...")},
    gewist=_("...what the person is told was erased..."),
    bewaard=_("...what was kept, and why..."),
)
```

* ``rijen(persoon)`` finds the person's rows; ``export`` names the fields (or lookups, as
  for ``QuerySet.values``) that go into the person's download; ``bestanden`` the file fields
  whose files go along.
* ``wissen`` says per field how it is erased: ``LEEG`` (blank), ``GEWIST`` (the word
  "Gewist", for names that may not be blank), ``GEWIST_ADRES`` (a unique address that
  reaches nobody), ``LOSKOPPELEN`` (a link to the person is cut; for a many-to-many field
  the person is taken out), or a function ``(rij, veld, persoon) -> value | BLIJFT``; or
  ``VERWIJDEREN``: the rows are deleted, with their files. A link to the user model and an
  e-mail field are only erased where they are the person's own: a row found through one
  field keeps the other people in it.
* ``bewaren(rijen, persoon)`` picks the rows the gemeente must keep (a signed agreement, a
  decision); in those only ``bewaard_wissen`` is applied, and the person reads ``bewaard``.
* ``blijft`` names fields that look personal but stay, each with the reason.
* ``daarna(rijen, persoon)`` runs after the rules on the erased rows (closing the account).

Models with fields that only look personal (a gemeente's name) are declared with
``geen_persoonsgegevens(model, {veld: reden})``. A test walks every installed model and
fails for a field that looks personal and is covered by neither.

The apps also tell the register which trajecten a person is involved in (``betrokken``) and
which trajecten the law binds (``bewaarplicht``: a signed agreement), so that one phase's
rules can use another's facts without importing it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from .models import User


@dataclass(frozen=True)
class Persoon:
    """The person whose data is looked up: the account, and its e-mail address as it was
    before the erasure (rows elsewhere are found by that address)."""

    gebruiker: User
    email: str

    @classmethod
    def van(cls, gebruiker: User) -> Persoon:
        return cls(gebruiker=gebruiker, email=(gebruiker.email or "").strip().lower())


#: A rule's answer for "leave this value as it is".
BLIJFT = object()

Regel = Callable[[models.Model, models.Field, Persoon], Any]


def LEEG(rij: models.Model, veld: models.Field, persoon: Persoon) -> Any:  # noqa: N802
    """Blank: ``None`` where the column allows it, else the empty string."""
    return None if veld.null else ""


def GEWIST(rij: models.Model, veld: models.Field, persoon: Persoon) -> Any:  # noqa: N802
    """The word "Gewist", for a name that may not be blank."""
    return gettext("Gewist")[: veld.max_length or None]


def GEWIST_ADRES(rij: models.Model, veld: models.Field, persoon: Persoon) -> Any:  # noqa: N802
    """An address that reaches nobody and is unique per row (for unique e-mail columns)."""
    return f"gewist-{rij._meta.model_name}-{rij.pk}@gewist.invalid"


def LOSKOPPELEN(rij: models.Model, veld: models.Field, persoon: Persoon) -> Any:  # noqa: N802
    """Cut the link to the person (a nullable foreign key; a many-to-many: take the person
    out of it)."""
    return None


#: ``wissen=VERWIJDEREN``: the person's rows are deleted, with their files.
VERWIJDEREN = "verwijderen"

#: What the person reads about links cut with ``LOSKOPPELEN`` (shared by many declarations).
LOSGEKOPPELD = _(
    "Uw naam is losgemaakt van wat u in trajecten deed (akkoorden, beoordelingen, besluiten, "
    "wijzigingen, uitnodigingen). Wat er gebeurde blijft, zonder dat te zien is wie het deed."
)


def _verwijst_naar_gebruiker(veld: models.Field) -> bool:
    return (
        bool(veld.is_relation)
        and veld.related_model is not None
        and (veld.related_model._meta.label == settings.AUTH_USER_MODEL)
    )


def _van_persoon(rij: models.Model, veld: models.Field, persoon: Persoon) -> bool:
    """Whether a link to a user or an e-mail address in ``rij`` is the person's own; any
    other field counts as the person's (the row was found through them)."""
    if _verwijst_naar_gebruiker(veld):
        return getattr(rij, veld.attname) == persoon.gebruiker.pk
    if isinstance(veld, models.EmailField):
        return (getattr(rij, veld.attname) or "").strip().lower() == persoon.email
    return True


@dataclass(frozen=True)
class Onderdeel:
    """One model's personal data, as one app declared it."""

    sleutel: str
    model: type[models.Model]
    titel: Any
    rijen: Callable[[Persoon], QuerySet]
    export: tuple[str, ...]
    wissen: Mapping[str, Regel]
    verwijderen: bool
    bewaren: Callable[[QuerySet, Persoon], QuerySet] | None
    bewaard_wissen: Mapping[str, Regel]
    blijft: Mapping[str, Any]
    bestanden: tuple[str, ...]
    gewist: Any
    bewaard: Any
    daarna: Callable[[list, Persoon], None] | None

    @property
    def label(self) -> str:
        return self.model._meta.label

    def gedekte_velden(self) -> set[str] | None:
        """The fields this declaration covers; ``None`` when it covers all (rows deleted)."""
        if self.verwijderen:
            return None
        return set(self.wissen) | set(self.bewaard_wissen) | set(self.blijft)

    def toepassen(self, rij: models.Model, persoon: Persoon, *, bewaard: bool = False) -> bool:
        """Apply the erasure rules to one row (the rules for kept rows when ``bewaard``).
        Returns whether anything changed."""
        wijzigingen: dict[str, Any] = {}
        losgemaakt = False
        for naam, regel in (self.bewaard_wissen if bewaard else self.wissen).items():
            veld = rij._meta.get_field(naam)
            if veld.many_to_many:
                relatie = getattr(rij, naam)
                if relatie.filter(pk=persoon.gebruiker.pk).exists():
                    relatie.remove(persoon.gebruiker)
                    losgemaakt = True
                continue
            if not _van_persoon(rij, veld, persoon):
                continue  # somebody else's link or address, in a row found another way
            nieuw = regel(rij, veld, persoon)
            if nieuw is BLIJFT:
                continue
            wijzigingen[veld.attname] = nieuw
        wijzigingen = {k: v for k, v in wijzigingen.items() if getattr(rij, k) != v}
        if wijzigingen:
            # An update, not save(): no signals, no "changed at" that would look like an edit.
            type(rij)._default_manager.filter(pk=rij.pk).update(**wijzigingen)
        return bool(wijzigingen) or losgemaakt


@dataclass
class Register:
    """What every app declared. Refuses a duplicate key and a field that does not exist."""

    _onderdelen: dict[str, Onderdeel] = field(default_factory=dict)
    _geen: dict[str, dict[str, Any]] = field(default_factory=dict)
    _betrokken: list[Callable[[Persoon], QuerySet]] = field(default_factory=list)
    _bewaarplicht: list[Callable[[], QuerySet]] = field(default_factory=list)

    # --- declaring ----------------------------------------------------------------------------
    def gegevens(
        self,
        model: type[models.Model],
        sleutel: str,
        *,
        titel: Any,
        rijen: Callable[[Persoon], QuerySet],
        export: tuple[str, ...],
        wissen: Mapping[str, Regel] | str,
        gewist: Any = None,
        bewaren: Callable[[QuerySet, Persoon], QuerySet] | None = None,
        bewaard_wissen: Mapping[str, Regel] | None = None,
        bewaard: Any = None,
        blijft: Mapping[str, Any] | None = None,
        bestanden: tuple[str, ...] = (),
        daarna: Callable[[list, Persoon], None] | None = None,
    ) -> Onderdeel:
        if sleutel in self._onderdelen:
            raise ValueError(f"Persoonsgegevens {sleutel!r} zijn al geregistreerd.")
        verwijderen = wissen == VERWIJDEREN
        if isinstance(wissen, str) and not verwijderen:
            raise ValueError(f"{sleutel}: wissen is VERWIJDEREN of een dict van regels.")
        regels = {} if verwijderen else dict(wissen)  # type: ignore[arg-type]
        bewaard_regels = dict(bewaard_wissen or {})
        for naam, regel in [*regels.items(), *bewaard_regels.items()]:
            veld = model._meta.get_field(naam)  # FieldDoesNotExist for a typo
            if regel is LOSKOPPELEN and not veld.many_to_many and not veld.null:
                raise ValueError(f"{sleutel}: {naam} kan niet leeg; loskoppelen kan niet.")
        for naam in [*(blijft or {}), *bestanden]:
            model._meta.get_field(naam)
        if bewaren is not None and bewaard is None:
            raise ValueError(f"{sleutel}: wie rijen bewaart, zegt waarom (bewaard=...).")
        onderdeel = Onderdeel(
            sleutel=sleutel,
            model=model,
            titel=titel,
            rijen=rijen,
            export=tuple(export),
            wissen=regels,
            verwijderen=verwijderen,
            bewaren=bewaren,
            bewaard_wissen=bewaard_regels,
            blijft=dict(blijft or {}),
            bestanden=tuple(bestanden),
            gewist=gewist,
            bewaard=bewaard,
            daarna=daarna,
        )
        self._onderdelen[sleutel] = onderdeel
        return onderdeel

    def geen_persoonsgegevens(self, model: type[models.Model], velden: Mapping[str, Any]) -> None:
        """Fields that look personal but are not (a gemeente's name), each with the reason."""
        for naam in velden:
            model._meta.get_field(naam)
        self._geen.setdefault(model._meta.label, {}).update(velden)

    def betrokken(self, functie: Callable[[Persoon], QuerySet]) -> Callable:
        """Declare how a person is involved in trajecten: ``(persoon) -> QuerySet[Traject]``."""
        self._betrokken.append(functie)
        return functie

    def bewaarplicht(self, functie: Callable[[], QuerySet]) -> Callable:
        """Declare trajecten whose records the law binds: ``() -> QuerySet[Traject]``."""
        self._bewaarplicht.append(functie)
        return functie

    # --- reading ------------------------------------------------------------------------------
    def onderdelen(self) -> list[Onderdeel]:
        """Every declaration, in the order of registration (the account itself first)."""
        return list(self._onderdelen.values())

    def onderdeel(self, sleutel: str) -> Onderdeel:
        return self._onderdelen[sleutel]

    def dekking(self, model: type[models.Model]) -> tuple[set[str] | None, dict[str, Any]]:
        """For the coverage test: the fields the declarations of ``model`` cover (``None``:
        all of them) and the fields declared as not personal, with their reasons."""
        gedekt: set[str] | None = set()
        for o in self._onderdelen.values():
            if o.model is not model:
                continue
            velden = o.gedekte_velden()
            gedekt = None if velden is None or gedekt is None else gedekt | velden
        return gedekt, dict(self._geen.get(model._meta.label, {}))

    def geregistreerd(self, model: type[models.Model]) -> bool:
        return any(o.model is model for o in self._onderdelen.values())

    def betrokken_trajecten(self, persoon: Persoon) -> QuerySet:
        from .models import Traject

        voorwaarde = Q(pk__in=[])
        for functie in self._betrokken:
            voorwaarde |= Q(pk__in=functie(persoon).values("pk"))
        return Traject.objects.filter(voorwaarde)

    def gebonden_trajecten(self) -> QuerySet:
        from .models import Traject

        voorwaarde = Q(pk__in=[])
        for functie in self._bewaarplicht:
            voorwaarde |= Q(pk__in=functie().values("pk"))
        return Traject.objects.filter(voorwaarde)


#: The platform's register; every app's ``privacy`` module fills it at start-up.
register = Register()
