"""What the authentication libraries call: django-sesame's backend for one-time links, and
the account name under which django-axes counts failed password log-ins."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from sesame.backends import ModelBackend as SesameModelBackend

from .services import mag_inloglink_gebruiken


def axes_gebruikersnaam(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The account a log-in attempt is for, as django-axes counts failures: the e-mail address
    in lower case, so changing its case does not escape the lock-out."""
    if credentials:
        waarde = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    else:
        waarde = getattr(request, "POST", {}).get(settings.AXES_USERNAME_FORM_FIELD)
    return waarde.strip().lower() if isinstance(waarde, str) else None


class InloglinkBackend(SesameModelBackend):
    """django-sesame's backend, refusing the accounts that may not use one-time links."""

    def user_can_authenticate(self, user) -> bool:
        return super().user_can_authenticate(user) and mag_inloglink_gebruiken(user)
