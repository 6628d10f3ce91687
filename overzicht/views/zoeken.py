"""Search: the public's (calls, published proposals, the register) and a gemeente's
officials' (also all their trajecten, proposals and partners)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from aanbesteden.models import Gemeente

from ..forms import ZoekForm
from ..selectors.zoeken import zoeken as zoeken_in
from .gedeeld import gemeente_voor_ambtenaar


def _zoeken(request: HttpRequest, gemeente: Gemeente | None, ambtenaar: bool) -> HttpResponse:
    form = ZoekForm(request.GET or None)
    uitkomsten: list = []
    status = 200
    if form.is_bound:
        if form.is_valid():
            uitkomsten = zoeken_in(
                tekst=form.cleaned_data["q"], gemeente=gemeente, ambtenaar=ambtenaar
            )
        else:
            status = 400
    return render(
        request,
        "overzicht/zoeken.html",
        {
            "form": form,
            "gemeente": gemeente,
            "ambtenaar": ambtenaar,
            "uitkomsten": uitkomsten,
            "gezocht": form.is_bound and form.is_valid(),
        },
        status=status,
    )


@require_GET
def zoeken(request: HttpRequest) -> HttpResponse:
    """Public search over every gemeente."""
    return _zoeken(request, None, ambtenaar=False)


@login_required
@require_GET
def zoeken_gemeente(request: HttpRequest, gemeente: str) -> HttpResponse:
    """A gemeente's officials search all of its trajecten, proposals and partners."""
    return _zoeken(request, gemeente_voor_ambtenaar(request, gemeente), ambtenaar=True)
