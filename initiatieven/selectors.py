"""Reads of the intake and phase 1."""

from __future__ import annotations

from aanbesteden.constants import Rol
from aanbesteden.models import Traject, User
from aanbesteden.permissions import ROL_PERMISSIE


def initiatief_vertegenwoordiger(*, traject: Traject) -> User | None:
    """The user who acts and signs for the initiative: whoever started the proposal, or else
    the first member with the initiatiefnemer role."""
    if traject.aangemaakt_door_id and traject.aangemaakt_door.is_active:
        return traject.aangemaakt_door
    from guardian.shortcuts import get_users_with_perms

    leden = get_users_with_perms(
        traject, only_with_perms_in=[ROL_PERMISSIE[Rol.INITIATIEFNEMER]], with_group_users=False
    )
    return leden.filter(is_active=True).order_by("pk").first()
