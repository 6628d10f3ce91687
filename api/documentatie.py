"""The API's documentation page: the operations of the OpenAPI description as a plain page
(no script: it works without JavaScript and under the site's Content-Security-Policy), with
links to the description itself."""

from __future__ import annotations

from functools import cache

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from drf_spectacular.generators import SchemaGenerator

METHODEN = ("get", "post", "put", "patch", "delete")


@cache
def _operaties(taal: str) -> list[dict]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operaties = []
    for pad, item in schema["paths"].items():
        for methode in METHODEN:
            operatie = item.get(methode)
            if operatie is None:
                continue
            operaties.append(
                {
                    "methode": methode.upper(),
                    "pad": pad,
                    "samenvatting": operatie.get("summary", ""),
                    "omschrijving": operatie.get("description", ""),
                    "met_token": bool(operatie.get("security")),
                    "parameters": [
                        p["name"] for p in operatie.get("parameters", []) if p["in"] == "query"
                    ],
                }
            )
    return operaties


@require_GET
def documentatie(request: HttpRequest) -> HttpResponse:
    operaties = _operaties(get_language() or "nl")
    return render(
        request,
        "api/documentatie.html",
        {
            "openbaar": [o for o in operaties if not o["met_token"]],
            "met_token": [o for o in operaties if o["met_token"]],
        },
    )
