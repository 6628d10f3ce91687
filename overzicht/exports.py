"""The overviews' downloads, built here so the views only call them: the officials' list of
trajecten as CSV (plain or for Dutch Excel), the public register as open data (JSON and CSV,
CC0) and a person's own data as JSON (AVG)."""

from __future__ import annotations

import csv
import json
from datetime import date
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from aanbesteden.models import Gemeente, Traject
from meldingen.berichten import absolute_url

from .selectors import dashboard, register


def cel(waarde: object) -> str:
    """A cell value; text that a spreadsheet would run as a formula is made harmless."""
    if waarde is None:
        return ""
    tekst = waarde.isoformat() if isinstance(waarde, date) else str(waarde)
    if tekst[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + tekst
    return tekst


# --- the officials' list of trajecten -------------------------------------------------------
def _traject_rij(traject: Traject) -> dict[str, object]:
    """One row of the export by column: the core's, then the phase apps' columns."""
    rij: dict[str, object] = {
        "id": traject.pk,
        "titel": traject.titel,
        "status": traject.get_status_display(),
        "thema": traject.thema,
        "wijk": traject.wijk,
    }
    for kolom in dashboard.kolommen():
        rij.update({naam: waarde(traject) for naam, waarde in kolom.export.items()})
    rij["gewijzigd_op"] = timezone.localtime(traject.updated_at).strftime("%Y-%m-%d %H:%M")
    rij["adres"] = absolute_url(traject.get_absolute_url())
    return rij


def trajecten_csv(*, gemeente: Gemeente, trajecten: Any, excel: bool) -> HttpResponse:
    """The filtered list as CSV (UTF-8, comma) or for Dutch Excel (UTF-8 with BOM, semicolon)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    naam = f"trajecten-{gemeente.slug}-{timezone.localdate():%Y%m%d}"
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
        *(naam for kolom in dashboard.kolommen() for naam in kolom.export),
        "gewijzigd_op",
        "adres",
    ]
    writer.writerow(koppen)
    for traject in trajecten.iterator(chunk_size=500):
        rij = _traject_rij(traject)
        writer.writerow([cel(rij[kop]) for kop in koppen])
    return response


# --- the public register as open data -------------------------------------------------------
def register_open_data(*, gemeente: Gemeente) -> dict:
    return {
        "gemeente": {"naam": gemeente.naam, "cbs_code": gemeente.cbs_code, "slug": gemeente.slug},
        "licentie": "CC0-1.0",
        "gemaakt_op": timezone.now().isoformat(),
        **{
            lijst.code: [lijst.rij(o) for o in rijen]
            for lijst, rijen in register.register_lijsten(gemeente=gemeente)
        },
        "overgedragen_taken": [
            register.register_rij(t) for t in register.register_trajecten(gemeente=gemeente)
        ],
    }


def register_json(*, gemeente: Gemeente) -> HttpResponse:
    response = JsonResponse(
        register_open_data(gemeente=gemeente),
        encoder=DjangoJSONEncoder,
        json_dumps_params={"indent": 2},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


REGISTER_KOPPEN = [
    "id",
    "taak",
    "opgave",
    "thema",
    "wijk",
    "status",
    "initiatief",
    "partners",
    "sinds",
    "budget_gemeente",
    "indicatoren",
    "laatste_evaluatie_besluit",
    "laatste_evaluatie_datum",
    "volgende_evaluatie",
]


def _register_cellen(r: dict) -> list[str]:
    return [
        cel(r["id"]),
        cel(r["taak"]),
        cel(r["opgave"]),
        cel(r["thema"]),
        cel(r["wijk"]),
        cel(r["status"]),
        cel(r["initiatief"]),
        cel(" | ".join(r["partners"])),
        cel(r["sinds"]),
        cel(r["budget_gemeente"]),
        cel(
            " | ".join(
                f"{i['naam']} ({i['eenheid']}): {i['beginwaarde']} -> {i['streefwaarde'] or ''}"
                for i in r["indicatoren"]
            )
        ),
        cel(r["laatste_evaluatie"]["besluit"]),
        cel(r["laatste_evaluatie"]["datum"]),
        cel(r["volgende_evaluatie"]),
    ]


def register_csv(*, gemeente: Gemeente) -> HttpResponse:
    """The handed-over tasks as CSV (one row per task; lists joined with " | ")."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="register-{gemeente.slug}.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    writer = csv.writer(response)
    writer.writerow(REGISTER_KOPPEN)
    for traject in register.register_trajecten(gemeente=gemeente):
        writer.writerow(_register_cellen(register.register_rij(traject)))
    return response


# --- a person's own data --------------------------------------------------------------------
def persoonsgegevens_json(gegevens: Any) -> HttpResponse:
    """A person's own data as a JSON download, never cached."""
    response = HttpResponse(
        json.dumps(gegevens, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    response["Cache-Control"] = "private, no-store"
    return response
