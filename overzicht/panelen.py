"""What the overviews add to the traject page: for officials, a link to the archive dossier."""

from __future__ import annotations

from aanbesteden.constants import Rol, TrajectStatus
from aanbesteden.fasen import fasen


def paneel_archief(request, traject, rollen) -> dict | None:
    if Rol.AMBTENAAR not in rollen or traject.status == TrajectStatus.CONCEPT:
        return None
    return {"traject": traject}


fasen.paneel("archief", "overzicht/_paneel_archief.html", paneel_archief, volgorde=90)
