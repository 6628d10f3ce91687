"""OpenID Connect plumbing around mozilla-django-oidc: a provider's endpoints from its
discovery document (cached), the provider of the log-in under way, and what the current
session proved about who it is."""

from __future__ import annotations

import datetime

import requests
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import GECONTROLEERD, SESSIE_AANBIEDER, SESSIE_IDENTITEIT, InlogMiddel
from .models import OidcAanbieder

#: How long a discovery document is kept (seconds).
DISCOVERY_BEWAREN = 600


class AanbiederOnbereikbaar(Exception):
    """The provider did not answer with a usable discovery document; ``str`` for people."""


def eindpunten(aanbieder: OidcAanbieder) -> dict:
    """The provider's endpoints (authorization, token, userinfo, jwks) from
    ``<issuer>/.well-known/openid-configuration``, whose issuer must be the configured one."""
    sleutel = f"oidc-discovery:{aanbieder.issuer}"
    document = cache.get(sleutel)
    if document is None:
        adres = aanbieder.issuer.rstrip("/") + "/.well-known/openid-configuration"
        try:
            antwoord = requests.get(adres, timeout=settings.OIDC_TIMEOUT)
            antwoord.raise_for_status()
            document = antwoord.json()
        except (requests.RequestException, ValueError) as exc:
            raise AanbiederOnbereikbaar(
                _("%(naam)s is nu niet bereikbaar. Probeer het later opnieuw.")
                % {"naam": aanbieder.naam}
            ) from exc
        nodig = ("issuer", "authorization_endpoint", "token_endpoint", "userinfo_endpoint")
        if any(not document.get(k) for k in (*nodig, "jwks_uri")) or document["issuer"].rstrip(
            "/"
        ) != aanbieder.issuer.rstrip("/"):
            raise AanbiederOnbereikbaar(
                _("%(naam)s is niet goed ingesteld. Meld dit aan de beheerder van het platform.")
                % {"naam": aanbieder.naam}
            )
        cache.set(sleutel, document, DISCOVERY_BEWAREN)
    return document


def aanbieder_uit_sessie(request: HttpRequest) -> OidcAanbieder | None:
    pk = request.session.get(SESSIE_AANBIEDER)
    if not pk:
        return None
    return OidcAanbieder.objects.filter(pk=pk, actief=True).first()


def sessie_identiteit(request: HttpRequest) -> dict:
    """What the current session proved: ``middel`` (always), and after DigiD or eHerkenning
    the level of assurance (``niveau``), KvK number, organisation and acting person's name,
    and when (``op``). Without a provider's log-in: the platform's own means."""
    user = request.user
    opgeslagen = request.session.get(SESSIE_IDENTITEIT) or {}
    if opgeslagen.get("gebruiker") == user.pk and opgeslagen.get("middel") in GECONTROLEERD:
        return dict(opgeslagen)
    verified = getattr(user, "is_verified", None)
    middel = InlogMiddel.WACHTWOORD if verified and verified() else InlogMiddel.INLOGLINK
    return {"middel": middel.value, "niveau": "", "kvk": "", "organisatie": "", "naam": ""}


def identiteit_vers(identiteit: dict, *, minuten: int | None = None) -> bool:
    """Whether a checked identity was proved recently enough to sign with."""
    minuten = minuten or settings.IDENTITEIT_GELDIG_MINUTEN
    try:
        op = datetime.datetime.fromisoformat(identiteit.get("op", ""))
    except ValueError:
        return False
    return timezone.now() - op <= datetime.timedelta(minutes=minuten)
