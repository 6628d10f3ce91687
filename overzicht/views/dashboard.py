"""The officials' dashboard: counts per phase, what waits for the gemeente, and the list of
trajecten with its export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from aanbesteden.models import Gemeente

from .. import exports
from ..forms import TrajectZoekForm
from ..selectors import dashboard as selectors
from .gedeeld import PER_PAGINA, gemeente_voor_ambtenaar


def _zoekform(request: HttpRequest, gemeente: Gemeente) -> tuple[TrajectZoekForm, dict]:
    form = TrajectZoekForm(
        request.GET or None,
        gemeente=gemeente,
        keuzes=selectors.filter_keuzes(gemeente=gemeente),
    )
    filters = form.filters() if request.GET else {"sortering": "-gewijzigd"}
    return form, filters


@login_required
@require_GET
def dashboard(request: HttpRequest, gemeente: str) -> HttpResponse:
    gemeente_obj = gemeente_voor_ambtenaar(request, gemeente)
    form, filters = _zoekform(request, gemeente_obj)
    trajecten = selectors.trajecten_lijst(gemeente=gemeente_obj, **filters)
    pagina = Paginator(trajecten, PER_PAGINA).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    tellingen = selectors.fase_tellingen(gemeente=gemeente_obj)
    return render(
        request,
        "overzicht/dashboard.html",
        {
            "gemeente": gemeente_obj,
            "tellingen": tellingen,
            "totaal": sum(t["aantal"] for t in tellingen),
            "taken": selectors.takenlijst(gemeente=gemeente_obj),
            "vandaag": selectors.vandaag(),
            "form": form,
            "pagina": pagina,
            "kolommen": [k for k in selectors.kolommen() if k.cel],
            "query": query.urlencode(),
        },
    )


@login_required
@require_GET
def trajecten_export(request: HttpRequest, gemeente: str, formaat: str) -> HttpResponse:
    """The filtered list as CSV (UTF-8, comma) or for Dutch Excel (UTF-8 with BOM, semicolon)."""
    gemeente_obj = gemeente_voor_ambtenaar(request, gemeente)
    _form, filters = _zoekform(request, gemeente_obj)
    return exports.trajecten_csv(
        gemeente=gemeente_obj,
        trajecten=selectors.trajecten_lijst(gemeente=gemeente_obj, **filters),
        excel=formaat == "excel",
    )
