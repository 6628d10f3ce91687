"""The officials' dashboard: counts per phase, what waits for the gemeente, and the list of
trajecten with its export."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from aanbesteden.models import Gemeente, Traject
from meldingen.berichten import absolute_url

from ..forms import TrajectZoekForm
from ..selectors import dashboard as selectors
from .gedeeld import PER_PAGINA, cel, gemeente_voor_ambtenaar


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


def _export(traject: Traject) -> dict[str, object]:
    """One row of the export by column: the core's, then the phase apps' columns."""
    rij: dict[str, object] = {
        "id": traject.pk,
        "titel": traject.titel,
        "status": traject.get_status_display(),
        "thema": traject.thema,
        "wijk": traject.wijk,
    }
    for kolom in selectors.kolommen():
        rij.update({naam: waarde(traject) for naam, waarde in kolom.export.items()})
    rij["gewijzigd_op"] = timezone.localtime(traject.updated_at).strftime("%Y-%m-%d %H:%M")
    rij["adres"] = absolute_url(traject.get_absolute_url())
    return rij


@login_required
@require_GET
def trajecten_export(request: HttpRequest, gemeente: str, formaat: str) -> HttpResponse:
    """The filtered list as CSV (UTF-8, comma) or for Dutch Excel (UTF-8 with BOM, semicolon)."""
    gemeente_obj = gemeente_voor_ambtenaar(request, gemeente)
    _form, filters = _zoekform(request, gemeente_obj)
    trajecten = selectors.trajecten_lijst(gemeente=gemeente_obj, **filters)
    excel = formaat == "excel"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    naam = f"trajecten-{gemeente_obj.slug}-{timezone.localdate():%Y%m%d}"
    naam += "-excel.csv" if excel else ".csv"
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    if excel:
        response.write("\ufeff")
    writer = csv.writer(response, delimiter=";" if excel else ",")
    koppen = [
        "id",
        "titel",
        "status",
        "thema",
        "wijk",
        *(naam for kolom in selectors.kolommen() for naam in kolom.export),
        "gewijzigd_op",
        "adres",
    ]
    writer.writerow(koppen)
    for traject in trajecten.iterator(chunk_size=500):
        rij = _export(traject)
        writer.writerow([cel(rij[kop]) for kop in koppen])
    return response
