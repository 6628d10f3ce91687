"""Reactions on public pages: what a page shows and how it handles one sent, confirming,
reporting and hiding a reaction, and the gemeente's overview of them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from aanbesteden import selectors as kern
from aanbesteden.formulieren import formulier_afhandelen
from aanbesteden.limieten import limiet_bewaken
from aanbesteden.permissions import traject_rollen, vereis_rol

from .. import selectors, services
from ..forms import ReactieForm, ReactieMeldenForm, ReactieVerbergenForm
from ..services import IntakeFout
from ._gedeeld import INI, A, _gemeente_voor_ambtenaar, _post


# --- reactions on public pages ----------------------------------------------------------------
def reacties_context(request: HttpRequest, *, traject, plek: str, actie: str, form=None) -> dict:
    """What a public page shows of its reactions (``initiatieven/_reacties.html``): the
    reactions, the form, and whether the visitor answers for the initiative or moderates for
    the gemeente."""
    rollen = traject_rollen(request.user, traject) if request.user.is_authenticated else set()
    reacties = selectors.reacties_op_pagina(traject=traject, plek=plek)
    if form is None:
        form = ReactieForm(
            ingelogd=request.user.is_authenticated,
            antwoorden=_te_beantwoorden(reacties) if INI in rollen else None,
        )
    return {
        "reacties": reacties,
        "reactie_form": form,
        "reactie_actie": actie,
        "reactie_initiatief": INI in rollen,
        "reactie_ambtenaar": A in rollen,
    }


def _te_beantwoorden(reacties) -> list[tuple[int, str]]:
    return [
        (r.pk, f"{r.naam or _('Een bewoner')}: {r.tekst[:60]}")
        for r in reacties
        if r.verborgen_op is None and not r.van_initiatief
    ]


def reactie_verwerken(request: HttpRequest, *, traject, plek: str, pagina: str):
    """Handle a reaction sent from a public page: ``(None, redirect)`` when placed, else
    ``(form, None)`` for the page to show again with the form's messages (status 400). Not
    through ``formulier_afhandelen``: the form belongs to whichever public page sent it, and
    that page (proposal or register) shows it again with its own context."""
    reacties = selectors.reacties_op_pagina(traject=traject, plek=plek)
    initiatief = request.user.is_authenticated and INI in traject_rollen(request.user, traject)
    form = ReactieForm(
        request.POST,
        ingelogd=request.user.is_authenticated,
        antwoorden=_te_beantwoorden(reacties) if initiatief else None,
    )
    if not form.is_valid():
        return form, None
    email = form.cleaned_data.get("email") or getattr(request.user, "email", "")
    limiet_bewaken(request, soort="reactie", adres=email)
    antwoord_op = None
    if form.cleaned_data.get("antwoord_op"):
        antwoord_op = next((r for r in reacties if r.pk == form.cleaned_data["antwoord_op"]), None)
    try:
        services.reactie_plaatsen(
            traject=traject,
            plek=plek,
            tekst=form.cleaned_data["tekst"],
            pagina=pagina,
            door=request.user if request.user.is_authenticated else None,
            naam=form.cleaned_data["naam"],
            email=form.cleaned_data.get("email", ""),
            antwoord_op=antwoord_op,
        )
    except IntakeFout as exc:
        form.add_error(None, str(exc))
        return form, None
    if request.user.is_authenticated:
        messages.success(request, _("Uw reactie staat op de pagina."))
    else:
        messages.success(
            request,
            _("Kijk in uw e-mail. Klik op de link in de e-mail, dan is uw reactie te zien."),
        )
    return None, redirect(pagina)


@require_http_methods(["GET", "POST"])
def reactie_bevestigen(request: HttpRequest, token: str) -> HttpResponse:
    """Public: the link from the mail shows a button; pressing it confirms the reaction."""
    if request.method == "POST":
        reactie = services.reactie_bevestigen(token=token)
        if reactie is None:
            return render(
                request, "initiatieven/reactie_bevestigen.html", {"ongeldig": True}, status=404
            )
        return render(request, "initiatieven/reactie_bevestigen.html", {"reactie": reactie})
    return render(request, "initiatieven/reactie_bevestigen.html", {"token": token})


@require_http_methods(["GET", "POST"])
def reactie_melden(request: HttpRequest, pk: int) -> HttpResponse:
    """Public: report a reaction to the gemeente, with a reason."""
    reactie = selectors.reactie_get(pk=pk)

    def bewaren(form):
        limiet_bewaken(request, soort="reactie_melden")
        services.reactie_melden(reactie=reactie, reden=form.cleaned_data["reden"])
        messages.success(request, _("Dank u wel. De gemeente kijkt naar uw melding."))
        return reactie.pagina or "/"

    return formulier_afhandelen(
        request,
        ReactieMeldenForm(_post(request)),
        template="initiatieven/reactie_actie.html",
        context={"reactie": reactie, "verbergen": False},
        bewaren=bewaren,
        weigering=None,
    )


@login_required
@require_http_methods(["GET", "POST"])
def reactie_verbergen(request: HttpRequest, pk: int) -> HttpResponse:
    """The gemeente's officials hide a reaction, with a reason everyone reads."""
    reactie = selectors.reactie_get(pk=pk)
    kern.traject_get(user=request.user, pk=reactie.traject_id)  # 404 outside one's gemeente
    vereis_rol(request.user, reactie.traject, A)

    def bewaren(form):
        services.reactie_verbergen(
            reactie=reactie, door=request.user, reden=form.cleaned_data["reden"]
        )
        messages.success(request, _("De reactie is verborgen. Het initiatief krijgt bericht."))
        return redirect("initiatieven:reacties_beheer", gemeente=reactie.traject.gemeente.slug)

    return formulier_afhandelen(
        request,
        ReactieVerbergenForm(_post(request)),
        template="initiatieven/reactie_actie.html",
        context={"reactie": reactie, "verbergen": True},
        bewaren=bewaren,
        weigering=None,
    )


@login_required
@require_http_methods(["GET"])
def reacties_beheer(request: HttpRequest, gemeente: str) -> HttpResponse:
    """The gemeente's officials: reactions on its public pages, reported ones first."""
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    return render(
        request,
        "initiatieven/reacties_beheer.html",
        {"gemeente": gemeente_obj, "reacties": selectors.gemeente_reacties(gemeente=gemeente_obj)},
    )
