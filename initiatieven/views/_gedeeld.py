"""What several pages of phase 1 share: the roles, who may open a gemeente's pages, a
traject for the given roles, the data of a POST, and a file download."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from aanbesteden import selectors as kern
from aanbesteden.constants import Rol
from aanbesteden.models import Gemeente
from aanbesteden.permissions import vereis, vereis_rol

from ..bestandscontrole import TOEGESTAAN, download_naam

A, INI = Rol.AMBTENAAR, Rol.INITIATIEFNEMER


def _gemeente_voor_ambtenaar(request: HttpRequest, slug: str, beheerder: bool = False) -> Gemeente:
    gemeente = get_object_or_404(Gemeente, slug=slug)
    vereis(request.user, "gemeente.beheerder" if beheerder else "gemeente.medewerker", gemeente)
    return gemeente


def _post(request: HttpRequest):
    """The POST data of a POST (also when empty, so that an empty form shows its errors)."""
    return request.POST if request.method == "POST" else None


def _traject(request: HttpRequest, pk: int, *rollen: str):
    traject = kern.traject_get(user=request.user, pk=pk)
    vereis_rol(request.user, traject, *rollen)
    return traject


def _bestand(veld, naam: str, mime: str) -> FileResponse:
    """A download: always as an attachment, with the type its content showed on upload and a
    name with that type's extension (never the extension someone typed)."""
    try:
        bestand = veld.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    if mime not in TOEGESTAAN:
        mime = "application/octet-stream"
    antwoord = FileResponse(
        bestand, as_attachment=True, filename=download_naam(naam, mime), content_type=mime
    )
    antwoord["X-Content-Type-Options"] = "nosniff"
    antwoord["Cache-Control"] = "private, no-store"
    return antwoord
