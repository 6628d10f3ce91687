"""What several pages of the overviews share: who may open a gemeente's or a traject's
overview (the CSV cells are written in ``overzicht.exports``)."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from aanbesteden import selectors as kern
from aanbesteden.constants import Rol
from aanbesteden.models import Gemeente, Traject
from aanbesteden.permissions import vereis, vereis_rol

PER_PAGINA = 25


def gemeente_voor_ambtenaar(request: HttpRequest, slug: str) -> Gemeente:
    """The gemeente ``slug`` if the user is one of its officials; 404 if it does not exist,
    403 for anybody else."""
    gemeente = get_object_or_404(Gemeente, slug=slug)
    vereis(request.user, "gemeente.medewerker", gemeente)
    return gemeente


def traject_voor_ambtenaar(request: HttpRequest, pk: int) -> Traject:
    traject = kern.traject_get(user=request.user, pk=pk)
    vereis_rol(request.user, traject, Rol.AMBTENAAR)
    return traject
