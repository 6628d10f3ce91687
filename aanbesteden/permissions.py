"""Who may do what on a traject: the one place where roles are decided.

An official's role follows from the ``Lidmaatschap`` row itself: a user with a membership of
the traject's gemeente is ``ambtenaar`` on every traject of that gemeente, and is no longer the
moment the row is gone (however it goes: the admin's delete, a service, a deleted user) or
the user is made inactive. Nothing else is kept in step with the membership, so nothing can
be forgotten. Initiative members and partners hold the object permissions
``initiatiefnemer_traject`` / ``partner_traject`` (with ``view_traject``) on their trajecten
only (django-guardian, per user). The roles × pages table is in docs/rollen.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import assign_perm, remove_perm

from .constants import Rol

if TYPE_CHECKING:
    from .models import Traject, User

#: The roles held as a per-user object permission. The official's role is not among them: it
#: comes from the membership (``is_ambtenaar_van``).
ROL_PERMISSIE: dict[str, str] = {
    Rol.INITIATIEFNEMER: "initiatiefnemer_traject",
    Rol.PARTNER: "partner_traject",
}


def is_ambtenaar_van(user: User, gemeente_id: int | None) -> bool:
    """Whether ``user`` (active) has a membership of the gemeente ``gemeente_id``: one query."""
    from .models import Lidmaatschap

    if not getattr(user, "is_authenticated", False) or not user.is_active or gemeente_id is None:
        return False
    return Lidmaatschap.objects.filter(gebruiker_id=user.pk, gemeente_id=gemeente_id).exists()


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
