"""Test data of the API: an application of a gemeente with its token."""

from __future__ import annotations

from api.constants import Scope
from api.models import Applicatie


def applicatie_maken(gemeente, scope=Scope.LEZEN, naam="Zaaksysteem") -> tuple[Applicatie, str]:
    applicatie = Applicatie(gemeente=gemeente, naam=naam, scope=scope)
    token = applicatie.token_zetten()
    applicatie.save()
    return applicatie, token
