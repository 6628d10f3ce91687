"""The overviews' own to-do on the dashboard: concepts nobody touched for a while (the core's
data; the phase apps contribute the rest in their own ``bijdragen`` modules)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbesteden.bijdragen import bijdragen
from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject


def stille_concepten(gemeente, peil):
    grens = timezone.now() - timedelta(days=settings.CONCEPT_STIL_DAGEN)
    return Traject.objects.filter(
        gemeente=gemeente, status=TrajectStatus.CONCEPT, updated_at__lt=grens
    ).order_by("updated_at", "pk")


bijdragen.dashboard_taak(
    "concepten",
    titel=_("Concepten waar al lang niets mee gebeurt"),
    template="overzicht/taken/_concept.html",
    rijen=stille_concepten,
    volgorde=90,
)
