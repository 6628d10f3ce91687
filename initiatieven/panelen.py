"""The sections this phase adds to the traject page: the proposal and the horizon. They read
through ``selectors``; registered from ``InitiatievenConfig.ready``."""

from __future__ import annotations

from aanbesteden.constants import Rol, TrajectStatus
from aanbesteden.fasen import fasen

from . import selectors


def paneel_voorstel(request, traject, rollen) -> dict | None:
    if not rollen & {Rol.AMBTENAAR, Rol.INITIATIEFNEMER}:
        return None
    concept = traject.status == TrajectStatus.CONCEPT
    voorstel = selectors.voorstel_van(traject=traject)
    if voorstel is None:
        if Rol.INITIATIEFNEMER in rollen and concept:
            return {"voorstel": None, "mag_wijzigen": True}
        return None
    ambtenaar = Rol.AMBTENAAR in rollen
    return {
        "voorstel": voorstel,
        "besluitbrief": selectors.getattr_of_none(voorstel, "besluitbrief"),
        "mag_wijzigen": Rol.INITIATIEFNEMER in rollen and concept,
        "mag_beoordelen": ambtenaar and traject.status == TrajectStatus.INGEDIEND,
        "ambtenaar": ambtenaar,
    }


def paneel_horizon(request, traject, rollen) -> dict | None:
    if not rollen:
        return None
    horizon = selectors.horizon_van(traject=traject)
    if horizon is None:
        return None
    return {
        "horizon": horizon,
        "mag_wijzigen": bool(rollen & {Rol.AMBTENAAR, Rol.INITIATIEFNEMER})
        and traject.status == TrajectStatus.HORIZON,
    }


fasen.paneel("voorstel", "initiatieven/_paneel_voorstel.html", paneel_voorstel, volgorde=5)
fasen.paneel("horizon", "initiatieven/_paneel_horizon.html", paneel_horizon, volgorde=10)
