"""Deployment checks of logging in through OpenID Connect (``manage.py check --deploy``)."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Warning, register

#: The least length of the key of the keyed hash of a BSN, and of a client secret.
SLEUTEL_MIN = 32
GEHEIM_MIN = 16


@register("accounts", deploy=True)
def oidc_geheimen_controleren(app_configs=None, **kwargs) -> list:
    """With OpenID Connect in use (client secrets set), the BSN's keyed hash needs a key of its
    own, not one derived from SECRET_KEY (changing that would orphan every linked DigiD), and
    every client secret must be long enough."""
    meldingen: list = []
    if not settings.OIDC_CLIENT_SECRETS:
        return meldingen
    sleutel = settings.IDENTITEIT_SLEUTEL
    if len(sleutel) < SLEUTEL_MIN or sleutel == settings.SECRET_KEY:
        meldingen.append(
            Error(
                "IDENTITEIT_SLEUTEL is missing, shorter than 32 characters or equal to "
                "SECRET_KEY, while OpenID Connect providers are configured.",
                hint="Set IDENTITEIT_SLEUTEL to a random value of its own (docs/beveiliging.md);"
                " it keys the hash under which a BSN is kept.",
                id="accounts.E001",
            )
        )
    for code, geheim in settings.OIDC_CLIENT_SECRETS.items():
        if len(geheim) < GEHEIM_MIN:
            meldingen.append(
                Warning(
                    f"The client secret of OIDC provider {code!r} is shorter than "
                    f"{GEHEIM_MIN} characters.",
                    id="accounts.W001",
                )
            )
    return meldingen
