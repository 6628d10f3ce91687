"""Every error of the API has one shape: ``{"detail": "...", "code": "...", "velden": {...}}``
(``velden`` only for invalid input: per field its messages). ``schema.FoutSerializer``
describes it."""

from __future__ import annotations

from rest_framework import exceptions
from rest_framework.views import exception_handler


def _platte_lijst(waarde) -> list[str]:
    if isinstance(waarde, list):
        return [str(v) for v in waarde]
    return [str(waarde)]


def fout_antwoord(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        velden = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = {
            "detail": str(exceptions.ValidationError.default_detail),
            "code": "invalid",
            "velden": {str(k): _platte_lijst(v) for k, v in velden.items()},
        }
    elif isinstance(exc, exceptions.APIException):
        codes = exc.get_codes()
        response.data = {
            "detail": str(exc.detail),
            "code": codes if isinstance(codes, str) else exc.default_code,
        }
    else:  # Http404, PermissionDenied of Django
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
        response.data = {"detail": str(detail), "code": "error"}
    return response
