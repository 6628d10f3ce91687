"""The sections phases 2 and 3 add to the traject page: the coalition and the route. They read
through ``selectors``; registered from ``CoalitiesConfig.ready``."""

from __future__ import annotations

from aanbesteden.constants import Rol, TrajectStatus
from aanbesteden.fasen import fasen

from . import selectors

NA_COALITIE = {
    TrajectStatus.COALITIE,
    TrajectStatus.ROUTE,
    TrajectStatus.OVERDRACHT,
    TrajectStatus.EVALUATIE,
    TrajectStatus.VERANKERD,
    TrajectStatus.BEEINDIGD,
}
NA_ROUTE = NA_COALITIE - {TrajectStatus.COALITIE}


def paneel_coalitie(request, traject, rollen) -> dict | None:
    if traject.status not in NA_COALITIE:
        return None
    beheer = bool(rollen & {Rol.AMBTENAAR, Rol.INITIATIEFNEMER})
    partners = selectors.partners_met_horizonstand(traject=traject)
    return {
        "traject": traject,
        "beheer": beheer,
        "uitnodigingen": list(selectors.uitnodigingen(traject=traject)) if beheer else [],
        "partners": partners,
        # A partner that has not answered the horizon as it is now is asked to, here first.
        "horizon_vragen": traject.status == TrajectStatus.COALITIE
        and any(p.gebruiker_id == request.user.pk and p.horizon_stand == "open" for p in partners),
    }


def paneel_route(request, traject, rollen) -> dict | None:
    if traject.status not in NA_ROUTE:
        return None
    return {"traject": traject, **selectors.route_overzicht(traject=traject)}


fasen.paneel("coalitie", "coalities/_paneel_coalitie.html", paneel_coalitie, volgorde=20)
fasen.paneel("route", "coalities/_paneel_route.html", paneel_route, volgorde=30)
