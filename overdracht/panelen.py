"""The section phase 4 adds to the traject page: the agreement, its versions and what the user
still has to sign. It reads through ``selectors``; registered from ``OverdrachtConfig.ready``."""

from __future__ import annotations

from aanbesteden.constants import Rol, TrajectStatus
from aanbesteden.fasen import fasen
from aanbesteden.transities import TRANSITIES

from . import selectors
from .constants import NAAR_EVALUATIE, VersieStatus


def paneel_overeenkomst(request, traject, rollen) -> dict | None:
    versies = list(selectors.versies_van_traject(traject=traject))
    if not versies:
        if traject.status == TrajectStatus.OVERDRACHT and Rol.AMBTENAAR in rollen:
            return {"traject": traject, "opstellen": True, "versies": [], "huidige": None}
        return None
    user = request.user
    zichtbaar = [v for v in versies if selectors.mag_versie_zien(user, v, rollen)]
    huidige = next((v for v in versies if v.status != VersieStatus.VERVANGEN), None)
    if not zichtbaar:
        return None
    eigen = []
    if huidige is not None and huidige in zichtbaar and traject.status == TrajectStatus.OVERDRACHT:
        eigen = [
            o
            for o in selectors.eigen_ondertekeningen(user, huidige)
            if o.getekend_op is None and o.geweigerd_op is None
        ]
    ambtenaar = Rol.AMBTENAAR in rollen
    return {
        "traject": traject,
        "huidige": huidige if huidige in zichtbaar else None,
        "versies": zichtbaar,
        "ambtenaar": ambtenaar,
        "te_tekenen": eigen,
        # Sealed, but the platform could not move the traject on: the officials take the step.
        "niet_doorgezet": huidige
        if ambtenaar
        and huidige is not None
        and huidige.naar_evaluatie_geweigerd_op
        and traject.status == TrajectStatus.OVERDRACHT
        else None,
        "stap_verder": TRANSITIES[NAAR_EVALUATIE].label,
    }


fasen.paneel("overeenkomst", "overdracht/_paneel.html", paneel_overeenkomst, volgorde=40)
