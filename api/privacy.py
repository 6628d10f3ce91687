"""The API's tables hold no personal data: an application is a gemeente's system, a
subscription an address of that system, a delivery the phase change of a traject without
who fired it. Declared for the register in ``aanbesteden.persoonsgegevens``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aanbesteden.persoonsgegevens import register

from .models import Applicatie

register.geen_persoonsgegevens(
    Applicatie,
    {"naam": _("De naam van een systeem van de gemeente (zoals 'Zaaksysteem'), geen persoon.")},
)
