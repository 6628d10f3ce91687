"""The front page, where a user lands after logging in, and my page of initiative members
and partners."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from aanbesteden import selectors as kern

from ..selectors.mijn import mijn_gegevens
from .gedeeld import PER_PAGINA


def home(request: HttpRequest) -> HttpResponse:
    """The front page: what the platform is, and every gemeente with its public page."""
    gemeenten = kern.alle_gemeenten()
    return render(request, "overzicht/home.html", {"gemeenten": gemeenten})


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """Where a user lands after logging in: officials at their gemeente, others at their page."""
    gemeente = kern.gemeenten_van_ambtenaar(user=request.user).first()
    if gemeente is not None:
        return redirect("overzicht:dashboard", gemeente=gemeente.slug)
    return redirect("overzicht:mijn_trajecten")


@login_required
@require_GET
def mijn_pagina(request: HttpRequest) -> HttpResponse:
    """Initiative members and partners: their trajecten, what is asked of them, invitations."""
    trajecten = kern.trajecten_van_gebruiker(user=request.user).order_by("-updated_at", "-pk")
    pagina = Paginator(trajecten, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "overzicht/mijn.html",
        {
            "pagina": pagina,
            "gevraagd": mijn_gegevens(user=request.user),
            "gemeenten": kern.gemeenten_van_ambtenaar(user=request.user),
        },
    )
