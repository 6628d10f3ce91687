"""Notifications: everything the platform tells a user, the user's choice per kind of how
the mail comes, and the daily digests sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbesteden.basismodellen import MetAanmaaktijd
from aanbesteden.models import Traject

from .constants import Bezorging, MailStatus, NotificatieSoort


class Notificatie(MetAanmaaktijd):
    """Everything the platform mails to a user also stands in the user's in-app list."""

    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notificaties",
        verbose_name=_("ontvanger"),
    )
    traject = models.ForeignKey(
        Traject,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notificaties",
        verbose_name=_("traject"),
    )
    soort = models.CharField(_("soort"), max_length=20, choices=NotificatieSoort.choices)
    onderwerp = models.CharField(_("onderwerp"), max_length=250)
    tekst = models.TextField(_("tekst"))
    url = models.CharField(_("link"), max_length=500, blank=True)
    gelezen_op = models.DateTimeField(_("gelezen op"), null=True, blank=True)
    gemaild_op = models.DateTimeField(_("gemaild op"), null=True, blank=True)

    class Meta:
        verbose_name = _("notificatie")
        verbose_name_plural = _("notificaties")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["ontvanger", "gelezen_op"], name="notificatie_ongelezen")]

    def __str__(self) -> str:
        return self.onderwerp


class NotificatieVoorkeur(models.Model):
    """How one user wants to get the mail of one kind of notification. No row: at once."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notificatievoorkeuren",
        verbose_name=_("gebruiker"),
    )
    soort = models.CharField(_("soort"), max_length=20, choices=NotificatieSoort.choices)
    bezorging = models.CharField(
        _("e-mail"), max_length=15, choices=Bezorging.choices, default=Bezorging.DIRECT
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("voorkeur voor meldingen")
        verbose_name_plural = _("voorkeuren voor meldingen")
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "soort"], name="voorkeur_eenmaal"),
            models.CheckConstraint(
                condition=Q(bezorging__in=Bezorging.values), name="voorkeur_bezorging_geldig"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker}: {self.soort} = {self.bezorging}"


class Dagoverzicht(MetAanmaaktijd):
    """The daily digest of one user on one day: at most one, also when the scan runs twice."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="dagoverzichten",
        verbose_name=_("gebruiker"),
    )
    datum = models.DateField(_("datum"))
    aantal = models.PositiveIntegerField(_("aantal meldingen"), default=0)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    class Meta:
        verbose_name = _("dagoverzicht")
        verbose_name_plural = _("dagoverzichten")
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "datum"], name="dagoverzicht_eenmaal")
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker} {self.datum}"


class Uitgaandemail(MetAanmaaktijd):
    """Every mail the platform owes a person, written in the same transaction as the change
    that owes it (the mail outbox). A task sends it after the commit; when the mail server
    refuses or is away, it is tried again after ``MAIL_WACHTTIJDEN`` (minutes, then hours) by
    the sweep that beat runs every minute. Sent exactly once: the row is locked while it is
    sent and marked sent in the same transaction."""

    adres = models.EmailField(_("adres"), max_length=254)
    onderwerp = models.CharField(_("onderwerp"), max_length=255)
    tekst = models.TextField(_("tekst"))
    #: Attachments as ``[{"naam", "mime", "inhoud" (base64)}]``: the mail needs nothing else to
    #: be sent, whatever happens later to what it is about.
    bijlagen = models.JSONField(_("bijlagen"), default=list, blank=True)
    notificatie = models.ForeignKey(
        Notificatie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mails",
        verbose_name=_("notificatie"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MailStatus.choices, default=MailStatus.WACHTEN
    )
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    volgende_poging = models.DateTimeField(_("volgende poging"), default=timezone.now)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitgaande mail")
        verbose_name_plural = _("uitgaande mails")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "volgende_poging"], name="mail_wachtend")]

    def __str__(self) -> str:
        return f"{self.adres}: {self.onderwerp}"
