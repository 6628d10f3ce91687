"""What the pages of phases 2 and 3 share: the roles that manage, the traject a page is
about (with its access check), the page for an action that cannot happen now, and the one
form page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from aanbesteden.constants import Rol
from aanbesteden.formulieren import formulier_afhandelen
from aanbesteden.models import Traject
from aanbesteden.permissions import vereis_rol
from aanbesteden.selectors import traject_get

from ..services import CoalitieFout

A, INI, PARTNER = Rol.AMBTENAAR, Rol.INITIATIEFNEMER, Rol.PARTNER
BEHEER = (A, INI)


def _traject(request: HttpRequest, pk, *rollen: str) -> Traject:
    traject = traject_get(user=request.user, pk=pk)
    if rollen:
        vereis_rol(request.user, traject, *rollen)
    return traject


def _niet_nu(request: HttpRequest, traject: Traject, bericht: str) -> HttpResponse:
    return render(
        request, "coalities/niet_nu.html", {"traject": traject, "bericht": bericht}, status=409
    )


def _formulier(request, traject, form, *, bewaren, titel, knop, terug, uitleg=""):
    """A form page of this app, handled the one way (``formulier_afhandelen``)."""
    return formulier_afhandelen(
        request,
        form,
        template="formulier.html",
        context={
            "traject": traject,
            "titel": titel,
            "inleiding": _("Traject “%(titel)s”") % {"titel": traject.titel},
            "uitleg": uitleg,
            "knop": knop,
            "terug": terug,
            "terug_tekst": _("Annuleren"),
        },
        bewaren=bewaren,
        weigering=CoalitieFout,
    )
