"""Identity from third parties over OpenID Connect: the providers a platform manager
configures (a gemeente's own SSO for its officials, the broker for DigiD and eHerkenning),
how an SSO group maps to a gemeente membership, each gemeente's log-in policy, and the link
between an account and an identity checked elsewhere (a BSN only as a keyed hash)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aanbesteden.constants import LidmaatschapRol
from aanbesteden.models import Gemeente

from .constants import AanbiederSoort, InlogMiddel


class OidcAanbieder(models.Model):
    """An OpenID Connect provider. The client secret is no field: it comes from the
    environment (``OIDC_CLIENT_SECRETS``, by code), so the database holds no secret."""

    code = models.SlugField(
        _("code"),
        max_length=50,
        unique=True,
        help_text=_("Korte naam; het clientgeheim staat onder deze naam in OIDC_CLIENT_SECRETS."),
    )
    naam = models.CharField(
        _("naam op de knop"), max_length=100, help_text=_("Bijvoorbeeld: Gemeente Deventer.")
    )
    soort = models.CharField(_("soort"), max_length=12, choices=AanbiederSoort.choices)
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="oidc_aanbieders",
        verbose_name=_("gemeente"),
        help_text=_("Leeg: voor de hele installatie."),
    )
    actief = models.BooleanField(_("actief"), default=True)
    issuer = models.URLField(
        _("issuer"),
        help_text=_("De issuer van de aanbieder; de rest leest het platform uit de discovery."),
    )
    client_id = models.CharField(_("client-id"), max_length=200)
    scopes = models.CharField(_("scopes"), max_length=300, default="openid email profile")
    claim_email = models.CharField(_("claim met het e-mailadres"), max_length=100, default="email")
    claim_naam = models.CharField(_("claim met de naam"), max_length=100, default="name")
    claim_groepen = models.CharField(
        _("claim met groepen of rollen"), max_length=100, default="groups"
    )
    claim_bsn = models.CharField(_("claim met het BSN"), max_length=100, default="bsn")
    claim_kvk = models.CharField(_("claim met het KvK-nummer"), max_length=100, default="kvk")
    claim_organisatie = models.CharField(
        _("claim met de naam van de organisatie"), max_length=100, default="bedrijfsnaam"
    )
    claim_niveau = models.CharField(
        _("claim met het betrouwbaarheidsniveau"), max_length=100, default="loa"
    )

    class Meta:
        verbose_name = _("OpenID Connect-aanbieder")
        verbose_name_plural = _("OpenID Connect-aanbieders")
        ordering = ["soort", "naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.get_soort_display()})"

    @property
    def client_secret(self) -> str:
        return settings.OIDC_CLIENT_SECRETS.get(self.code, "")


class OidcGroepKoppeling(models.Model):
    """A group (or role) in the SSO claims that makes an official of a gemeente."""

    aanbieder = models.ForeignKey(
        OidcAanbieder,
        on_delete=models.CASCADE,
        related_name="groepkoppelingen",
        verbose_name=_("aanbieder"),
    )
    groep = models.CharField(_("groep of rol in de claim"), max_length=200)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    rol = models.CharField(
        _("rol"), max_length=10, choices=LidmaatschapRol.choices, default=LidmaatschapRol.AMBTENAAR
    )
    mag_tekenen = models.BooleanField(_("bevoegd om te tekenen"), default=False)

    class Meta:
        verbose_name = _("koppeling van een groep aan een gemeente")
        verbose_name_plural = _("koppelingen van groepen aan gemeenten")
        constraints = [
            models.UniqueConstraint(
                fields=["aanbieder", "groep", "gemeente"], name="groepkoppeling_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.groep} → {self.gemeente} ({self.get_rol_display()})"


class Inlogbeleid(models.Model):
    """What a gemeente asks of logging in and signing. Without a row: the defaults."""

    gemeente = models.OneToOneField(
        Gemeente, on_delete=models.CASCADE, related_name="inlogbeleid", verbose_name=_("gemeente")
    )
    wachtwoord_toegestaan = models.BooleanField(
        _("ambtenaren mogen ook met wachtwoord inloggen"),
        default=True,
        help_text=_(
            "Uit: ambtenaren van deze gemeente loggen alleen in via de SSO van de gemeente."
        ),
    )
    tekenen_gecontroleerd = models.BooleanField(
        _("tekenen met een gecontroleerde identiteit"),
        default=False,
        help_text=_(
            "Aan: ambtenaren tekenen na inloggen via SSO, inwoners met DigiD en organisaties "
            "met eHerkenning (met het KvK-nummer van de partij)."
        ),
    )
    voorstel_gecontroleerd = models.BooleanField(
        _("voorstel indienen met een gecontroleerde identiteit"),
        default=False,
        help_text=_("Aan: wie een voorstel indient, logt eerst in met DigiD of eHerkenning."),
    )

    class Meta:
        verbose_name = _("inlogbeleid van een gemeente")
        verbose_name_plural = _("inlogbeleid van gemeenten")

    def __str__(self) -> str:
        return str(self.gemeente)


class IdentiteitKoppeling(models.Model):
    """An identity checked by DigiD or eHerkenning, linked to an account. ``sleutel`` is a
    keyed hash (HMAC-SHA-256 with ``IDENTITEIT_SLEUTEL``) of the BSN, or of the KvK number
    and the acting person's identifier: the BSN itself is never stored."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="identiteitkoppelingen",
        verbose_name=_("gebruiker"),
    )
    middel = models.CharField(_("middel"), max_length=12, choices=InlogMiddel.choices)
    sleutel = models.CharField(_("sleutel (HMAC)"), max_length=64)
    created_at = models.DateTimeField(_("gekoppeld op"), auto_now_add=True)
    laatst_gebruikt = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)

    class Meta:
        verbose_name = _("gekoppelde identiteit")
        verbose_name_plural = _("gekoppelde identiteiten")
        constraints = [
            models.UniqueConstraint(fields=["middel", "sleutel"], name="identiteit_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker} – {self.get_middel_display()}"
