"""The section phase 5 adds to the traject page: the evaluation moments, the indicators'
charts and the anchoring. It reads through ``selectors``; registered from
``EvaluatieConfig.ready``."""

from __future__ import annotations

from aanbesteden.constants import Rol, TrajectStatus
from aanbesteden.fasen import fasen

from . import selectors, services
from .constants import MomentStatus

TONEN_IN = frozenset({TrajectStatus.EVALUATIE, TrajectStatus.VERANKERD, TrajectStatus.BEEINDIGD})


def paneel_evaluatie(request, traject, rollen) -> dict | None:
    from .grafieken import indicator_grafieken

    if traject.status not in TONEN_IN:
        return None
    momenten = list(selectors.momenten(traject=traject))
    return {
        "traject": traject,
        "momenten": momenten,
        "volgend": next((m for m in momenten if m.status == MomentStatus.GEPLAND), None),
        "grafieken": indicator_grafieken(traject=traject, dag=services.vandaag()),
        "is_ambtenaar": Rol.AMBTENAAR in rollen,
        "verankering": selectors.verankering_van(traject=traject),
    }


fasen.paneel("evaluatie", "evaluatie/_paneel.html", paneel_evaluatie, volgorde=50)
