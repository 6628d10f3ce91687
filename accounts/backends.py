"""What the authentication libraries call: django-sesame's backend for one-time links, the
OpenID Connect backend (mozilla-django-oidc) for SSO, DigiD and eHerkenning, and the account
name under which django-axes counts failed password log-ins."""

from __future__ import annotations

import logging

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from sesame.backends import ModelBackend as SesameModelBackend

from .services import mag_inloglink_gebruiken

log = logging.getLogger(__name__)


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


class OidcBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend for the code flow, with its settings taken from the
    provider the log-in started with (``models.OidcAanbieder``, named in the session), the
    ID token's issuer and audience checked too, and what the claims mean decided by the
    provider's kind: an official's account and memberships (SSO), or a checked identity
    linked to an account (DigiD, eHerkenning). A refusal leaves its reason on the request
    (``request.oidc_fout``) for the callback page; what was proved goes to
    ``request.oidc_identiteit`` (never the BSN)."""

    def __init__(self, *args, **kwargs):
        # The settings are the provider's, read in authenticate(); none at start.
        self.UserModel = get_user_model()
        self.aanbieder = None

    def get_settings(self, attr, *args):  # type: ignore[override]
        if attr == "OIDC_RP_SCOPES" and self.aanbieder is not None:
            return self.aanbieder.scopes
        return import_from_settings(attr, *args)

    def authenticate(self, request, nonce=None, code_verifier=None, **kwargs):
        from .oidc import AanbiederOnbereikbaar, aanbieder_uit_sessie, eindpunten

        if request is None or kwargs or not request.GET.get("code"):
            return None
        self.aanbieder = aanbieder_uit_sessie(request)
        if self.aanbieder is None:
            return None
        try:
            punten = eindpunten(self.aanbieder)
        except AanbiederOnbereikbaar as exc:
            request.oidc_fout = str(exc)
            return None
        self.OIDC_OP_TOKEN_ENDPOINT = punten["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = punten["userinfo_endpoint"]
        self.OIDC_OP_JWKS_ENDPOINT = punten["jwks_uri"]
        self.OIDC_RP_CLIENT_ID = self.aanbieder.client_id
        self.OIDC_RP_CLIENT_SECRET = self.aanbieder.client_secret
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None
        try:
            return super().authenticate(request, nonce=nonce, code_verifier=code_verifier)
        except (requests.RequestException, SuspiciousOperation, jwt.PyJWTError) as exc:
            # The reason without the claims: what failed, never what was in them.
            log.warning("OIDC log-in at %s failed: %s", self.aanbieder.code, type(exc).__name__)
            request.oidc_fout = _(
                "Het inloggen via %(naam)s is niet gelukt. Probeer het opnieuw."
            ) % {"naam": self.aanbieder.naam}
            return None

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        if kwargs.get("nonce") is None:
            return payload  # a userinfo answer as JWT: no ID token
        doelgroep = payload.get("aud")
        doelgroep = doelgroep if isinstance(doelgroep, list) else [doelgroep]
        if (
            payload.get("iss") != self.aanbieder.issuer.rstrip("/")
            and payload.get("iss") != self.aanbieder.issuer
        ):
            raise SuspiciousOperation("ID token from another issuer")
        if self.aanbieder.client_id not in doelgroep:
            raise SuspiciousOperation("ID token for another client")
        return payload

    def verify_claims(self, claims) -> bool:
        return bool(claims.get("sub"))

    def get_or_create_user(self, access_token, id_token, payload):
        from .constants import InlogMiddel
        from .services import InlogFout, identiteit_koppelen, sso_inloggen

        claims = self.get_userinfo(access_token, id_token, payload)
        if not self.verify_claims(claims) or claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("Claims verification failed")
        request = self.request
        try:
            if self.aanbieder.soort == InlogMiddel.SSO:
                gebruiker, identiteit = sso_inloggen(aanbieder=self.aanbieder, claims=claims)
            else:
                huidige = request.user if request.user.is_authenticated else None
                if huidige is not None:
                    huidige = self.UserModel.objects.get(pk=huidige.pk)
                gebruiker, identiteit = identiteit_koppelen(
                    aanbieder=self.aanbieder, claims=claims, huidige=huidige
                )
        except InlogFout as exc:
            request.oidc_fout = str(exc)
            return None
        identiteit.update(
            aanbieder=self.aanbieder.code,
            gebruiker=gebruiker.pk,
            op=timezone.now().isoformat(),
        )
        request.oidc_identiteit = identiteit
        return gebruiker
