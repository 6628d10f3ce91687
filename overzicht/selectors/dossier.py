"""Reads of the archive dossier page."""

from __future__ import annotations

from django.db.models import QuerySet

from aanbesteden.models import Traject

from ..models import Dossier


def dossiers_van(*, traject: Traject) -> QuerySet[Dossier]:
    """The dossiers asked for the traject, newest first (the model's order), with who asked."""
    return Dossier.objects.filter(traject=traject).select_related("aangevraagd_door")
