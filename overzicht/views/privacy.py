"""A person's own data (AVG): the page, the download (JSON or ZIP) and the erasure."""

from __future__ import annotations

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from aanbesteden.formulieren import formulier_afhandelen

from .. import exports
from ..forms import WissenForm
from ..services.privacy import gebruiker_wissen, persoonsgegevens, persoonsgegevens_zip


@login_required
@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "overzicht/privacy.html", {"form": WissenForm()})


@login_required
@require_GET
def privacy_export(request: HttpRequest) -> HttpResponse:
    return exports.persoonsgegevens_json(persoonsgegevens(gebruiker=request.user))


@login_required
@require_GET
def privacy_export_zip(request: HttpRequest) -> HttpResponse:
    """The same data as the JSON, with the files themselves (uploads, letters, agreements)."""
    response = HttpResponse(
        persoonsgegevens_zip(gebruiker=request.user), content_type="application/zip"
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["POST"])
def privacy_wissen(request: HttpRequest) -> HttpResponse:
    def bewaren(form):
        verslag = gebruiker_wissen(gebruiker=request.user)
        logout(request)
        return render(request, "overzicht/gewist.html", {"verslag": verslag})

    return formulier_afhandelen(
        request,
        WissenForm(request.POST),
        template="overzicht/privacy.html",
        context={},
        bewaren=bewaren,
        weigering=None,
    )
