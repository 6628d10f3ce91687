"""Pages of the notifications: the in-app list, marking read, the choices per kind."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from aanbesteden.formulieren import formulier_afhandelen

from . import selectors, services
from .forms import VoorkeurenForm
from .models import Notificatie

PER_PAGINA = 25


@login_required
@require_GET
def meldingen(request: HttpRequest) -> HttpResponse:
    """The in-app list of everything the platform sent the user, all or only unread."""
    alleen_ongelezen = request.GET.get("filter") == "ongelezen"
    lijst = selectors.meldingen_van(user=request.user, alleen_ongelezen=alleen_ongelezen)
    pagina = Paginator(lijst, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "meldingen/meldingen.html",
        {
            "pagina": pagina,
            "alleen_ongelezen": alleen_ongelezen,
            "query": "filter=ongelezen" if alleen_ongelezen else "",
        },
    )


@login_required
@require_POST
def notificatie_gelezen(request: HttpRequest, pk: int) -> HttpResponse:
    notificatie = get_object_or_404(Notificatie, pk=pk, ontvanger=request.user)
    services.notificatie_gelezen(notificatie=notificatie)
    if notificatie.url and url_has_allowed_host_and_scheme(notificatie.url, allowed_hosts=None):
        return redirect(notificatie.url)
    return redirect(reverse("meldingen:notificaties"))


@login_required
@require_http_methods(["POST"])
def alles_gelezen(request: HttpRequest) -> HttpResponse:
    aantal = services.alles_gelezen(gebruiker=request.user)
    messages.success(
        request,
        ngettext(
            "%(aantal)s melding staat nu op gelezen.",
            "%(aantal)s meldingen staan nu op gelezen.",
            aantal,
        )
        % {"aantal": aantal},
    )
    return redirect("meldingen:notificaties")


@login_required
@require_http_methods(["GET", "POST"])
def voorkeuren(request: HttpRequest) -> HttpResponse:
    huidig = selectors.voorkeuren_van(user=request.user)

    def bewaren(form):
        services.voorkeuren_opslaan(gebruiker=request.user, keuzes=form.cleaned_data)
        messages.success(request, _("Uw keuzes voor e-mail zijn bewaard."))
        return redirect("meldingen:voorkeuren")

    return formulier_afhandelen(
        request,
        VoorkeurenForm(request.POST or None, huidig=huidig),
        template="meldingen/voorkeuren.html",
        context={},
        bewaren=bewaren,
        weigering=None,
    )
