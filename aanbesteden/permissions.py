"""Who may do what on a traject: the one place where roles are decided.

Officials act through their gemeente's group, which holds the object permission
``ambtenaar_traject`` on each traject of that gemeente; initiative members and partners hold
``initiatiefnemer_traject`` / ``partner_traject`` on their trajecten only (django-guardian).
``view_traject`` is held by all of them. The roles × pages table is in docs/rollen.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import assign_perm, remove_perm

from .constants import Rol

if TYPE_CHECKING:
    from .models import Traject, User

ROL_PERMISSIE: dict[str, str] = {
    Rol.AMBTENAAR: "ambtenaar_traject",
    Rol.INITIATIEFNEMER: "initiatiefnemer_traject",
    Rol.PARTNER: "partner_traject",
}


def traject_rollen(user: User, traject: Traject) -> frozenset[str]:
    """The roles ``user`` has on ``traject``; cached on the traject instance for the request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or traject.pk is None:
        return frozenset()
    cache = traject.__dict__.setdefault("_rollen_cache", {})
    if user.pk not in cache:
        perms = set(ObjectPermissionChecker(user).get_perms(traject))
        cache[user.pk] = frozenset(rol for rol, perm in ROL_PERMISSIE.items() if perm in perms)
    return cache[user.pk]


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


def rol_toekennen(*, traject: Traject, user: User, rol: str) -> None:
    assign_perm(ROL_PERMISSIE[rol], user, traject)
    assign_perm("view_traject", user, traject)
    rollen_vergeten(traject)


def rol_intrekken(*, traject: Traject, user: User, rol: str) -> None:
    remove_perm(ROL_PERMISSIE[rol], user, traject)
    overig = {p for r, p in ROL_PERMISSIE.items() if r != rol}
    if not overig & set(ObjectPermissionChecker(user).get_user_perms(traject)):
        remove_perm("view_traject", user, traject)
    rollen_vergeten(traject)


def gemeente_rechten_toekennen(traject: Traject) -> None:
    groep = traject.gemeente.ambtenaren
    assign_perm("aanbesteden.ambtenaar_traject", groep, traject)
    assign_perm("aanbesteden.view_traject", groep, traject)
