"""The overviews' own data: the archive dossiers of trajecten."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aanbesteden.models import Traject

from .constants import DossierStatus


class Dossier(models.Model):
    """A traject's archive dossier (ZIP), built by a Celery task and kept for the archive."""

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="dossiers", verbose_name=_("traject")
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangevraagd door"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=DossierStatus.choices, default=DossierStatus.WACHTEN
    )
    bestand = models.FileField(_("bestand"), upload_to="prive/dossiers/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    grootte = models.PositiveBigIntegerField(_("grootte (bytes)"), default=0)
    fout = models.TextField(_("foutmelding"), blank=True)
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        verbose_name = _("archiefdossier")
        verbose_name_plural = _("archiefdossiers")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.traject} – {self.created_at:%Y-%m-%d %H:%M}"
