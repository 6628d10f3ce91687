"""The public register: every gemeente, a gemeente's open calls and handed-over tasks, and
the same as open data (JSON and CSV, CC0)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from aanbesteden.models import Gemeente
from aanbesteden.selectors import alle_gemeenten
from initiatieven.constants import ReactiePlek
from initiatieven.views.reacties import reactie_verwerken, reacties_context

from .. import exports
from ..selectors import register as selectors


@require_GET
def register_index(request: HttpRequest) -> HttpResponse:
    """The public register's entry: every gemeente on the platform."""
    return render(request, "overzicht/register_index.html", {"gemeenten": alle_gemeenten()})


@require_GET
def register(request: HttpRequest, gemeente: str) -> HttpResponse:
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    trajecten = selectors.register_trajecten(gemeente=gemeente_obj)
    pagina = Paginator(trajecten, 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "overzicht/register.html",
        {
            "gemeente": gemeente_obj,
            "lijsten": selectors.register_lijsten(gemeente=gemeente_obj),
            "pagina": pagina,
            "rijen": [selectors.register_rij(t) for t in pagina.object_list],
        },
    )


@require_GET
def register_traject(request: HttpRequest, gemeente: str, pk: int) -> HttpResponse:
    """The public page of a handed-over task: its goal and indicators with the latest
    measurements, the milestones, the signed agreement and the evaluations, without
    anyone's personal data."""
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    traject = selectors.register_traject_get(gemeente=gemeente_obj, pk=pk)
    return _register_traject_pagina(request, gemeente_obj, traject)


def _register_traject_pagina(request, gemeente_obj, traject, *, form=None, status=200):
    return render(
        request,
        "overzicht/register_traject.html",
        {
            "gemeente": gemeente_obj,
            "traject": traject,
            "rij": selectors.register_rij(traject),
            "secties": selectors.openbare_secties(traject=traject),
            **reacties_context(
                request,
                traject=traject,
                plek=ReactiePlek.TRAJECT,
                actie=reverse(
                    "overzicht:register_reageren",
                    kwargs={"gemeente": gemeente_obj.slug, "pk": traject.pk},
                ),
                form=form,
            ),
        },
        status=status,
    )


@require_POST
def register_reageren(request: HttpRequest, gemeente: str, pk: int) -> HttpResponse:
    """Public: a reaction on a handed-over task's public page (an evaluation, say)."""
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    traject = selectors.register_traject_get(gemeente=gemeente_obj, pk=pk)
    form, antwoord = reactie_verwerken(
        request,
        traject=traject,
        plek=ReactiePlek.TRAJECT,
        pagina=reverse(
            "overzicht:register_traject", kwargs={"gemeente": gemeente_obj.slug, "pk": traject.pk}
        ),
    )
    if antwoord is not None:
        return antwoord
    return _register_traject_pagina(request, gemeente_obj, traject, form=form, status=400)


@require_GET
def register_json(request: HttpRequest, gemeente: str) -> HttpResponse:
    return exports.register_json(gemeente=get_object_or_404(Gemeente, slug=gemeente))


@require_GET
def register_csv(request: HttpRequest, gemeente: str) -> HttpResponse:
    """The handed-over tasks as CSV (one row per task; lists joined with " | ")."""
    return exports.register_csv(gemeente=get_object_or_404(Gemeente, slug=gemeente))
