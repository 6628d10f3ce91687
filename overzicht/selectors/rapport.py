"""The year report: the figures a council asks for, of one gemeente in one year. The core's
figures (steps taken, trajecten running) are read here; the phase apps contribute theirs
(``bijdragen.jaarcijfers``)."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min
from django_fsm_log.models import StateLog

from aanbesteden.bijdragen import Jaarcijfers, bijdragen
from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Gemeente, Traject


def _overgangen(*, gemeente: Gemeente, jaar: int) -> dict[str, int]:
    ct = ContentType.objects.get_for_model(Traject)
    ids = Traject.objects.filter(gemeente=gemeente).values("pk")
    return dict(
        StateLog.objects.filter(content_type=ct, object_id__in=ids, timestamp__year=jaar)
        .order_by()
        .values_list("transition")
        .annotate(n=Count("pk"))
    )


def jaarcijfers(*, gemeente: Gemeente, jaar: int) -> dict[str, Any]:
    """The figures a council asks for, for ``gemeente`` in ``jaar``."""
    cijfers: dict[str, Any] = {"gemeente": gemeente, "jaar": jaar}
    bijgedragen: dict[str, Any] = {}
    for bijdrage in bijdragen.van(Jaarcijfers):
        for naam, waarde in bijdrage.cijfers(gemeente, jaar).items():
            if naam in bijgedragen or naam in cijfers:
                raise ValueError(f"Jaarcijfer {naam!r} komt van twee bijdragen.")
            bijgedragen[naam] = waarde
    overgangen = _overgangen(gemeente=gemeente, jaar=jaar)
    return {
        **cijfers,
        **bijgedragen,
        "overgedragen": overgangen.get("naar_evaluatie", 0),
        "verankerd": overgangen.get("verankeren", 0),
        "beeindigd": overgangen.get("beeindigen", 0),
        "lopend": Traject.objects.filter(
            gemeente=gemeente, status__in=(TrajectStatus.OVERDRACHT, TrajectStatus.EVALUATIE)
        ).count(),
        "eerste_jaar": Traject.objects.filter(gemeente=gemeente).aggregate(j=Min("created_at"))[
            "j"
        ],
    }
