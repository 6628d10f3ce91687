"""Reads of the log-in: the OpenID Connect providers a page offers."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .constants import InlogMiddel
from .models import OidcAanbieder

IDENTITEIT = (InlogMiddel.DIGID, InlogMiddel.EHERKENNING)


def sso_aanbieders() -> QuerySet[OidcAanbieder]:
    """The active single sign-on providers (for officials' log-in)."""
    return OidcAanbieder.objects.filter(actief=True, soort=InlogMiddel.SSO)


def identiteit_aanbieders() -> QuerySet[OidcAanbieder]:
    """The active DigiD and eHerkenning providers."""
    return OidcAanbieder.objects.filter(actief=True, soort__in=IDENTITEIT)


def identiteit_aanbieders_voor_gemeente(*, gemeente_id: int) -> QuerySet[OidcAanbieder]:
    """The active DigiD and eHerkenning providers of one gemeente and those of every
    gemeente, by kind."""
    return (
        identiteit_aanbieders()
        .filter(Q(gemeente_id=gemeente_id) | Q(gemeente__isnull=True))
        .order_by("soort", "pk")
    )
