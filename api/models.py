"""The API's own tables: a gemeente's application tokens, its webhook subscriptions and the
log of every delivery."""

from __future__ import annotations

import hashlib
import secrets

from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aanbesteden.basismodellen import MetAanmaaktijd, MetTijdstempels
from aanbesteden.models import Gemeente, Traject

from .constants import LeveringStatus, Scope

#: What an application token starts with, so that one found in a log or a repository is
#: recognised for what it is.
TOKEN_PREFIX = "ma_"  # noqa: S105 - a prefix, not a secret


def token_hash(token: str) -> str:
    """The stored form of a token: SHA-256. A token holds 256 random bits, so a plain hash
    cannot be searched back to it, and a lookup by hash needs no slow key derivation."""
    return hashlib.sha256(token.encode()).hexdigest()


def nieuw_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class Applicatie(MetAanmaaktijd):
    """A system of one gemeente (its case system, website, council information system) that
    reads the API with a token. Only the token's hash is stored; the token itself is shown
    once, when the platform manager makes it in the admin."""

    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        related_name="api_applicaties",
        verbose_name=_("gemeente"),
    )
    naam = models.CharField(
        _("naam van de applicatie"),
        max_length=200,
        help_text=_("Het systeem dat de API gebruikt, bijvoorbeeld 'Zaaksysteem'."),
    )
    scope = models.CharField(
        _("rechten"), max_length=20, choices=Scope.choices, default=Scope.LEZEN
    )
    token_hash = models.CharField(
        _("hash van het token"), max_length=64, unique=True, editable=False
    )
    token_begin = models.CharField(
        _("begin van het token"),
        max_length=12,
        editable=False,
        help_text=_("De eerste tekens, om het token te herkennen."),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    laatst_gebruikt_op = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-applicatie")
        verbose_name_plural = _("API-applicaties")
        ordering = ["gemeente", "naam", "pk"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.gemeente})"

    def token_zetten(self) -> str:
        """Give the application a new token (the old one stops working) and return it; only
        its hash is kept."""
        token = nieuw_token()
        self.token_hash = token_hash(token)
        self.token_begin = token[:12]
        return token

    @property
    def mag_schrijven(self) -> bool:
        return self.scope == Scope.LEZEN_SCHRIJVEN


class Webhookabonnement(MetAanmaaktijd):
    """A gemeente's system asks to hear of every phase change of the gemeente's trajecten at
    ``url``; each delivery is signed with ``geheim`` (HMAC-SHA256). The secret must be kept
    to sign with, so it is stored as it is and never shown again after it was made."""

    applicatie = models.ForeignKey(
        Applicatie,
        on_delete=models.CASCADE,
        related_name="webhooks",
        verbose_name=_("applicatie"),
    )
    url = models.URLField(
        _("adres"), max_length=500, validators=[URLValidator(schemes=["http", "https"])]
    )
    geheim = models.CharField(_("geheim"), max_length=100, editable=False)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("webhookabonnement")
        verbose_name_plural = _("webhookabonnementen")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.url


class Webhooklevering(MetTijdstempels):
    """One phase change delivered to one subscription: made in the transition's transaction,
    at most once per change and subscription, and updated by the task after every attempt."""

    abonnement = models.ForeignKey(
        Webhookabonnement,
        on_delete=models.CASCADE,
        related_name="leveringen",
        verbose_name=_("abonnement"),
    )
    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="+", verbose_name=_("traject")
    )
    gebeurtenis = models.CharField(_("gebeurtenis"), max_length=64)
    statuslog_id = models.PositiveBigIntegerField(_("regel in de tijdlijn"))
    inhoud = models.JSONField(_("inhoud"))
    status = models.CharField(
        _("status"), max_length=10, choices=LeveringStatus.choices, default=LeveringStatus.WACHTEND
    )
    aantal_pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    laatste_statuscode = models.PositiveSmallIntegerField(
        _("laatste HTTP-status"), null=True, blank=True
    )
    laatste_fout = models.CharField(_("laatste fout"), max_length=500, blank=True)
    geleverd_op = models.DateTimeField(_("geleverd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhooklevering")
        verbose_name_plural = _("webhookleveringen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["abonnement", "statuslog_id"], name="webhooklevering_eenmaal"
            ),
            models.CheckConstraint(
                condition=~Q(status="geleverd") | Q(geleverd_op__isnull=False),
                name="webhooklevering_geleverd_heeft_datum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gebeurtenis} #{self.statuslog_id} → {self.abonnement}"


class Webhookpoging(models.Model):
    """One attempt to deliver: when, the answer's status or the error, how long it took."""

    levering = models.ForeignKey(
        Webhooklevering,
        on_delete=models.CASCADE,
        related_name="pogingen",
        verbose_name=_("levering"),
    )
    nummer = models.PositiveSmallIntegerField(_("poging"))
    statuscode = models.PositiveSmallIntegerField(_("HTTP-status"), null=True, blank=True)
    fout = models.CharField(_("fout"), max_length=500, blank=True)
    duur_ms = models.PositiveIntegerField(_("duur (ms)"), default=0)
    created_at = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhookpoging")
        verbose_name_plural = _("webhookpogingen")
        ordering = ["levering", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["levering", "nummer"], name="webhookpoging_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.levering} ({self.nummer})"
