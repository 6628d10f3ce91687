"""Who may do what: the one place where it is decided.

Two layers, in the spirit of named permissions built from shared predicates:

* **predicates** answer one fact about a person: ``is_ambtenaar_van`` / ``is_beheerder_van`` (a
  membership of a gemeente), ``traject_rollen`` (the roles on a traject);
* **rules** (``regels``) give an action a name and say who may do it and how a refusal answers:
  403 with a reason, or 404 where even the existence of the object is not told. Views call
  ``vereis(user, "naam", obj)``, services and templates ``mag(user, "naam", obj)`` (in a template:
  ``{% load rechten %}{% mag "naam" obj as mag_dit %}``). The core names the rules on a gemeente
  and on a traject, one ``traject.<transitie>`` per row of the transition table ("may this person
  take this step on this traject now"); a phase app adds its own in its ``rechten.py``
  (imported from its ``ready()``), and a name registered twice raises at start-up.

An official's role follows from the ``Lidmaatschap`` row itself: a user with a membership of
the traject's gemeente is ``ambtenaar`` on every traject of that gemeente, and is no longer the
moment the row is gone (however it goes: the admin's delete, a service, a deleted user) or
the user is made inactive. Nothing else is kept in step with the membership, so nothing can
be forgotten. Initiative members and partners hold the object permissions
``initiatiefnemer_traject`` / ``partner_traject`` (with ``view_traject``) on their trajecten
only (django-guardian, per user). The roles × pages table is in docs/rollen.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import assign_perm, remove_perm

from .constants import LidmaatschapRol, Rol
from .transities import TRANSITIES

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from .models import Traject, User

#: The roles held as a per-user object permission. The official's role is not among them: it
#: comes from the membership (``is_ambtenaar_van``).
ROL_PERMISSIE: dict[str, str] = {
    Rol.INITIATIEFNEMER: "initiatiefnemer_traject",
    Rol.PARTNER: "partner_traject",
}


# --- predicates -------------------------------------------------------------------------------
def _lidmaatschappen(user: User, gemeente_id: int | None):
    from .models import Lidmaatschap

    if not getattr(user, "is_authenticated", False) or not user.is_active or gemeente_id is None:
        return Lidmaatschap.objects.none()
    return Lidmaatschap.objects.filter(gebruiker_id=user.pk, gemeente_id=gemeente_id)


def is_ambtenaar_van(user: User, gemeente_id: int | None) -> bool:
    """Whether ``user`` (active) has a membership of the gemeente ``gemeente_id``: one query."""
    return _lidmaatschappen(user, gemeente_id).exists()


def is_beheerder_van(user: User, gemeente_id: int | None) -> bool:
    """Whether ``user`` (active) is a beheerder of the gemeente ``gemeente_id``: one query."""
    return _lidmaatschappen(user, gemeente_id).filter(rol=LidmaatschapRol.BEHEERDER).exists()


def is_ondertekenaar_van(user: User, gemeente_id: int | None) -> bool:
    """Whether ``user`` (active) may sign for the gemeente ``gemeente_id``: one query."""
    return _lidmaatschappen(user, gemeente_id).filter(mag_tekenen=True).exists()


def traject_rollen(user: User, traject: Traject) -> frozenset[str]:
    """The roles ``user`` has on ``traject``; cached on the traject instance for the request.

    ``ambtenaar`` from a membership of ``traject.gemeente_id`` (so it follows the traject's
    gemeente and ends with the membership); the others from the user's own object
    permissions. Two queries, whoever asks; a superuser has no role by being one."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or traject.pk is None:
        return frozenset()
    cache = traject.__dict__.setdefault("_rollen_cache", {})
    sleutel = (user.pk, traject.gemeente_id)
    if sleutel not in cache:
        perms = set(ObjectPermissionChecker(user).get_user_perms(traject))
        rollen = {rol for rol, perm in ROL_PERMISSIE.items() if perm in perms}
        if is_ambtenaar_van(user, traject.gemeente_id):
            rollen.add(Rol.AMBTENAAR)
        cache[sleutel] = frozenset(rollen)
    return cache[sleutel]


def trajecten_met_rol(user: User, *rollen: str) -> QuerySet[Traject]:
    """The trajecten where ``user`` itself holds one of ``rollen`` (initiatiefnemer, partner;
    all of them when none is named): one query, joined on the traject's key. Like
    ``traject_rollen``, a superuser has no role by being one."""
    from .models import Traject, TrajectUserObjectPermission

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Traject.objects.none()
    codenames = [ROL_PERMISSIE[r] for r in rollen] if rollen else list(ROL_PERMISSIE.values())
    rechten = TrajectUserObjectPermission.objects.filter(
        user_id=user.pk, permission__codename__in=codenames
    )
    return Traject.objects.filter(pk__in=rechten.values("content_object_id"))


def rollen_vergeten(traject: Traject) -> None:
    traject.__dict__.pop("_rollen_cache", None)


def kan_bekijken(user: User, traject: Traject) -> bool:
    return bool(traject_rollen(user, traject))


def heeft_rol(user: User, traject: Traject, *rollen: str) -> bool:
    return bool(traject_rollen(user, traject) & set(rollen))


def vereis_rol(user: User, traject: Traject, *rollen: str) -> None:
    """Raise 403 unless ``user`` has one of ``rollen`` on ``traject``."""
    if not heeft_rol(user, traject, *rollen):
        raise PermissionDenied


def mag_vuren(*rollen: str):
    """The ``permission`` callable of a transition: one of ``rollen`` on this traject."""

    def permissie(traject: Traject, user: User) -> bool:
        return heeft_rol(user, traject, *rollen)

    permissie.__name__ = "mag_vuren_" + "_".join(rollen)
    return permissie


# --- rules ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Regel:
    """A named action: ``toets(user, obj)`` says whether ``user`` may do it on ``obj``. A refusal
    answers 403 with ``reden``, or 404 when ``verborgen`` (nobody learns that ``obj`` exists)."""

    naam: str
    toets: Callable[[Any, Any], bool]
    reden: Any = None
    verborgen: bool = False


class Regels:
    """The named rules; a name may be registered once."""

    def __init__(self) -> None:
        self._regels: dict[str, Regel] = {}

    def regel(
        self,
        naam: str,
        toets: Callable[[Any, Any], bool],
        *,
        reden: Any = None,
        verborgen: bool = False,
    ) -> Regel:
        if naam in self._regels:
            raise ImproperlyConfigured(f"The permission rule {naam!r} is already registered.")
        self._regels[naam] = regel = Regel(naam, toets, reden, verborgen)
        return regel

    def __getitem__(self, naam: str) -> Regel:
        return self._regels[naam]  # KeyError for a name nobody registered: a typo fails loudly

    def __contains__(self, naam: str) -> bool:
        return naam in self._regels

    def namen(self) -> list[str]:
        return list(self._regels)

    def mag(self, user: Any, naam: str, obj: Any) -> bool:
        return bool(self[naam].toets(user, obj))

    def vereis(self, user: Any, naam: str, obj: Any) -> None:
        """Refuse unless ``user`` may do ``naam`` on ``obj``: 404 for a hidden rule, else 403."""
        regel = self[naam]
        if regel.toets(user, obj):
            return
        if regel.verborgen:
            raise Http404
        raise PermissionDenied(regel.reden or "")


regels = Regels()
mag = regels.mag
vereis = regels.vereis

regels.regel(
    "gemeente.medewerker",
    lambda user, gemeente: is_ambtenaar_van(user, gemeente.pk),
    reden=_("Deze pagina is alleen voor medewerkers van deze gemeente."),
)
regels.regel(
    "gemeente.beheerder",
    lambda user, gemeente: is_beheerder_van(user, gemeente.pk),
    reden=_("Alleen een beheerder van de gemeente mag dit."),
)
regels.regel("traject.bekijken", lambda user, traject: kan_bekijken(user, traject), verborgen=True)


def _rol_toets(rol: str) -> Callable[[Any, Traject], bool]:
    def toets(user: Any, traject: Traject) -> bool:
        return heeft_rol(user, traject, rol)

    return toets


for _rol in Rol.values:
    regels.regel(f"traject.als_{_rol}", _rol_toets(_rol))


def _stap_toets(naam: str) -> Callable[[Any, Traject], bool]:
    def toets(user: Any, traject: Traject) -> bool:
        rij = TRANSITIES[naam]
        return traject.status in rij.van and heeft_rol(user, traject, *rij.rollen)

    return toets


for _naam in TRANSITIES:
    regels.regel(f"traject.{_naam}", _stap_toets(_naam))


def rol_toekennen(*, traject: Traject, user: User, rol: str) -> None:
    """Give ``user`` the role ``rol`` (initiatiefnemer or partner) on ``traject``."""
    if rol not in ROL_PERMISSIE:
        raise ValueError(
            f"{rol!r} cannot be granted per traject: an official's role comes from the membership"
        )
    assign_perm(ROL_PERMISSIE[rol], user, traject)
    assign_perm("view_traject", user, traject)
    rollen_vergeten(traject)


def rol_intrekken(*, traject: Traject, user: User, rol: str) -> None:
    remove_perm(ROL_PERMISSIE[rol], user, traject)
    overig = {p for r, p in ROL_PERMISSIE.items() if r != rol}
    if not overig & set(ObjectPermissionChecker(user).get_user_perms(traject)):
        remove_perm("view_traject", user, traject)
    rollen_vergeten(traject)
