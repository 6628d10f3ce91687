"""Calls: the gemeente's public page and a call's, the officials' management of calls, the
proposals per call, the assessment criteria, and comparing the proposals on one call."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aanbesteden.models import Gemeente

from .. import selectors, services
from ..forms import CriteriumFormSet, OpgaveForm
from ..services import IntakeFout
from ._gedeeld import _gemeente_voor_ambtenaar, _post

#: Published proposals on a gemeente's public page (the rest through the register and search).
OPENBAAR_OP_PAGINA = 20


# --- public: calls --------------------------------------------------------------------------
def gemeente(request: HttpRequest, gemeente: str) -> HttpResponse:
    """The public page of one gemeente, with its open calls."""
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    opgaven = selectors.open_opgaven(gemeente=gemeente_obj)
    voorstellen = list(selectors.openbare_voorstellen(gemeente=gemeente_obj)[:OPENBAAR_OP_PAGINA])
    return render(
        request,
        "initiatieven/gemeente.html",
        {"gemeente": gemeente_obj, "opgaven": opgaven, "voorstellen": voorstellen},
    )


def opgave(request: HttpRequest, gemeente: str, pk: int) -> HttpResponse:
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    opgave_obj = selectors.opgave_publiek_get(gemeente=gemeente_obj, pk=pk)
    return render(
        request, "initiatieven/opgave.html", {"gemeente": gemeente_obj, "opgave": opgave_obj}
    )


# --- officials: calls -----------------------------------------------------------------------
@login_required
def opgaven_beheer(request: HttpRequest, gemeente: str) -> HttpResponse:
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    pagina = Paginator(selectors.gemeente_opgaven(gemeente=gemeente_obj), 25).get_page(
        request.GET.get("pagina")
    )
    return render(
        request, "initiatieven/opgaven_beheer.html", {"gemeente": gemeente_obj, "pagina": pagina}
    )


@login_required
@require_http_methods(["GET", "POST"])
def opgave_bewerken(request: HttpRequest, gemeente: str, pk: int | None = None) -> HttpResponse:
    """Not through ``formulier_afhandelen``: the service's ``ValidationError`` (the model's own
    checks) also goes on the form, besides its refusal."""
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    opgave_obj = selectors.opgave_get(gemeente=gemeente_obj, pk=pk) if pk else None
    form = OpgaveForm(_post(request), instance=opgave_obj)
    if request.method == "POST" and form.is_valid():
        velden = {k: form.cleaned_data[k] for k in form.Meta.fields}
        try:
            opgave_obj = services.opgave_opslaan(
                gemeente=gemeente_obj, door=request.user, velden=velden, opgave=opgave_obj
            )
        except IntakeFout as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De opgave is opgeslagen."))
            return redirect("initiatieven:opgaven_beheer", gemeente=gemeente_obj.slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "initiatieven/opgave_bewerken.html",
        {"gemeente": gemeente_obj, "opgave": opgave_obj, "form": form},
        status=status,
    )


@login_required
@require_POST
def opgave_status(request: HttpRequest, gemeente: str, pk: int, actie: str) -> HttpResponse:
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    opgave_obj = selectors.opgave_get(gemeente=gemeente_obj, pk=pk)
    service = {"publiceren": services.opgave_publiceren, "sluiten": services.opgave_sluiten}.get(
        actie
    )
    if service is None:
        raise Http404
    try:
        service(opgave=opgave_obj, door=request.user)
    except IntakeFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("De opgave is gepubliceerd.")
            if actie == "publiceren"
            else _("De opgave is gesloten."),
        )
    return redirect("initiatieven:opgaven_beheer", gemeente=gemeente_obj.slug)


@login_required
def vergelijken(request: HttpRequest, gemeente: str, pk: int) -> HttpResponse:
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    opgave_obj = selectors.opgave_get(gemeente=gemeente_obj, pk=pk)
    return render(
        request,
        "initiatieven/vergelijken.html",
        {
            "gemeente": gemeente_obj,
            "opgave": opgave_obj,
            **selectors.vergelijking(opgave=opgave_obj),
        },
    )


@login_required
def voorstellen(request: HttpRequest, gemeente: str) -> HttpResponse:
    """The officials' list of submitted proposals with their decision terms."""
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    alleen_open = request.GET.get("open") == "1"
    lijst = selectors.gemeente_voorstellen(gemeente=gemeente_obj, alleen_open=alleen_open)
    pagina = Paginator(lijst, 25).get_page(request.GET.get("pagina"))
    return render(
        request,
        "initiatieven/voorstellen.html",
        {"gemeente": gemeente_obj, "pagina": pagina, "alleen_open": alleen_open},
    )


@login_required
@require_http_methods(["GET", "POST"])
def criteria(request: HttpRequest, gemeente: str) -> HttpResponse:
    """Beheerders manage their gemeente's assessment criteria. A formset, not a form: not
    through ``formulier_afhandelen``."""
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente, beheerder=True)
    qs = selectors.criteria_beheer(gemeente=gemeente_obj)
    formset = CriteriumFormSet(_post(request), queryset=qs, prefix="criteria")
    if request.method == "POST" and formset.is_valid():
        services.criteria_opslaan(gemeente=gemeente_obj, door=request.user, formset=formset)
        messages.success(request, _("De beoordelingscriteria zijn opgeslagen."))
        return redirect("initiatieven:criteria", gemeente=gemeente_obj.slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "initiatieven/criteria.html",
        {"gemeente": gemeente_obj, "formset": formset},
        status=status,
    )
