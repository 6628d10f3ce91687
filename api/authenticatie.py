"""How a gemeente's system shows who it is: ``Authorization: Bearer <token>``, the token
the platform manager made for it in the admin. Only the token's hash is looked up."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from .models import Applicatie
from .selectors import applicatie_van_token

SLEUTELWOORD = "Bearer"


class Applicatiegebruiker(AnonymousUser):
    """``request.user`` for a request with a token: no person, the application of a gemeente
    (``request.auth``). It has no permissions of its own on the site."""

    def __init__(self, applicatie: Applicatie) -> None:
        super().__init__()
        self.applicatie = applicatie

    @property
    def is_authenticated(self) -> bool:  # type: ignore[override]
        return True


class TokenAuthenticatie(BaseAuthentication):
    def authenticate(self, request):
        delen = get_authorization_header(request).split()
        if not delen or delen[0].lower() != SLEUTELWOORD.lower().encode():
            return None
        if len(delen) != 2:
            raise exceptions.AuthenticationFailed(
                _("Ongeldige Authorization-header: gebruik 'Bearer <token>'.")
            )
        try:
            token = delen[1].decode()
        except UnicodeDecodeError as exc:
            raise exceptions.AuthenticationFailed(_("Ongeldig token.")) from exc
        applicatie = applicatie_van_token(token=token)
        if applicatie is None:
            raise exceptions.AuthenticationFailed(_("Ongeldig of ingetrokken token."))
        nu = timezone.now()
        if (
            applicatie.laatst_gebruikt_op is None
            or (nu - applicatie.laatst_gebruikt_op).total_seconds() > 300
        ):
            # At most one write every five minutes per application, not one per request.
            Applicatie.objects.filter(pk=applicatie.pk).update(laatst_gebruikt_op=nu)
        return Applicatiegebruiker(applicatie), applicatie

    def authenticate_header(self, request) -> str:
        return f'{SLEUTELWOORD} realm="api"'


class TokenAuthenticatieSchema(OpenApiAuthenticationExtension):
    target_class = TokenAuthenticatie
    name = "applicatietoken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": str(
                _(
                    "Het token van een applicatie van de gemeente, aangemaakt door de "
                    "platformbeheerder."
                )
            ),
        }
