"""The ways of logging in, and the kinds of identity provider the platform talks to."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InlogMiddel(models.TextChoices):
    """How a session proved who it is. The first two are the platform's own; the others are
    checked by a third party over OpenID Connect."""

    INLOGLINK = "inloglink", _("inloglink per e-mail")
    WACHTWOORD = "wachtwoord", _("wachtwoord met tweede factor")
    SSO = "sso", _("SSO van de eigen organisatie")
    DIGID = "digid", _("DigiD")
    EHERKENNING = "eherkenning", _("eHerkenning")


class AanbiederSoort(models.TextChoices):
    """What an OpenID Connect provider proves."""

    SSO = InlogMiddel.SSO.value, _("SSO van de gemeente (ambtenaren)")
    DIGID = InlogMiddel.DIGID.value, _("DigiD via een makelaar (inwoners)")
    EHERKENNING = InlogMiddel.EHERKENNING.value, _("eHerkenning via een makelaar (organisaties)")


#: The means checked by a third party: what a signature "with a verified identity" needs.
GECONTROLEERD = frozenset({InlogMiddel.SSO, InlogMiddel.DIGID, InlogMiddel.EHERKENNING})

#: The session key holding the means of the current log-in and what it proved (never a BSN).
SESSIE_IDENTITEIT = "identiteit"
#: The session key naming the provider of a log-in under way.
SESSIE_AANBIEDER = "oidc_aanbieder"
