"""The statements every Dutch government site must have: the accessibility statement
(toegankelijkheidsverklaring, in the structure of the model statement of DigiToegankelijk) and
the privacy statement. Public; one general page that lists every gemeente's contact, and one
per gemeente with its own contact (``Gemeente.toegankelijkheid_contact`` / ``privacy_contact``).
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from aanbesteden.models import Gemeente
from aanbesteden.selectors import alle_gemeenten

#: When the statements were last reviewed against the platform (the model asks for the date).
#: Review them, and change this date, whenever the checks or the known limitations change.
HERZIEN_OP = datetime.date(2026, 11, 29)


def _context(gemeente: str | None) -> dict:
    if gemeente is not None:
        gekozen = get_object_or_404(Gemeente, slug=gemeente)
        return {"gekozen": gekozen, "gemeenten": [gekozen], "herzien_op": HERZIEN_OP}
    return {
        "gekozen": None,
        "gemeenten": alle_gemeenten(),
        "herzien_op": HERZIEN_OP,
    }


def toegankelijkheid(request: HttpRequest, gemeente: str | None = None) -> HttpResponse:
    return render(request, "overzicht/toegankelijkheid.html", _context(gemeente))


def privacyverklaring(request: HttpRequest, gemeente: str | None = None) -> HttpResponse:
    return render(request, "overzicht/privacyverklaring.html", _context(gemeente))
