"""Phase 4: agreement versions, their PDFs, signatures and the sealed final PDF."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from aanbesteden.basismodellen import MetAanmaaktijd
from aanbesteden.constants import EvaluatieFrequentie, PartijSoort
from aanbesteden.models import Gemeente, Traject, Werk
from accounts.constants import GECONTROLEERD, InlogMiddel
from coalities.models import Partner

from .constants import ClausuleSoort, PdfStatus, VersieStatus


class Clausule(models.Model):
    """A clause in a gemeente's library, to add to agreements."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="clausules", verbose_name=_("gemeente")
    )
    soort = models.CharField(_("soort"), max_length=15, choices=ClausuleSoort.choices)
    titel = models.CharField(_("titel"), max_length=200)
    tekst = models.TextField(_("tekst"), max_length=20000)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("clausule")
        verbose_name_plural = _("clausules")
        ordering = ["soort", "titel"]

    def __str__(self) -> str:
        return self.titel


class OvereenkomstVersie(MetAanmaaktijd):
    """One version of a traject's agreement. ``inhoud`` is the snapshot it was drawn up from."""

    traject = models.ForeignKey(
        Traject,
        on_delete=models.CASCADE,
        related_name="overeenkomstversies",
        verbose_name=_("traject"),
    )
    nummer = models.PositiveIntegerField(_("versienummer"))
    status = models.CharField(
        _("status"), max_length=12, choices=VersieStatus.choices, default=VersieStatus.CONCEPT
    )
    inhoud = models.JSONField(_("inhoud"), default=dict)
    startdatum = models.DateField(_("startdatum"))
    looptijd_maanden = models.PositiveSmallIntegerField(_("looptijd (maanden)"))
    evaluatie_frequentie = models.CharField(
        _("evaluatiefrequentie"), max_length=10, choices=EvaluatieFrequentie.choices
    )
    eerste_evaluatie = models.DateField(_("eerste evaluatie"))
    taak_gemeente = models.TextField(_("wat bij de gemeente blijft"), blank=True)
    exitplan = models.TextField(_("beëindiging en exitplan"), blank=True)
    wijzigingen = models.TextField(_("wijzigingen ten opzichte van de vorige versie"), blank=True)
    pdf = models.FileField(_("PDF"), upload_to="prive/overeenkomsten/", blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    inhoud_sha256 = models.CharField(max_length=64, blank=True)
    pdf_status = models.CharField(
        _("PDF-status"), max_length=10, choices=PdfStatus.choices, default=PdfStatus.GEEN
    )
    pdf_fout = models.TextField(_("reden waarom de PDF mislukte"), blank=True)
    verzegeld_pdf = models.FileField(
        _("verzegelde PDF"), upload_to="prive/overeenkomsten/", blank=True
    )
    verzegeld_sha256 = models.CharField(max_length=64, blank=True)
    verzegeld_status = models.CharField(
        _("status verzegeling"), max_length=10, choices=PdfStatus.choices, default=PdfStatus.GEEN
    )
    verzegeld_op = models.DateTimeField(_("verzegeld op"), null=True, blank=True)
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    vervangen_op = models.DateTimeField(_("vervangen op"), null=True, blank=True)
    vervangen_reden = models.TextField(_("reden van vervanging"), blank=True)
    # After sealing the platform moves the traject on to evaluatie itself; when the state
    # machine refuses, why and when is kept here and shown to the officials.
    naar_evaluatie_geweigerd = models.TextField(
        _("waarom het traject na het verzegelen niet door kon naar evaluatie"), blank=True
    )
    naar_evaluatie_geweigerd_op = models.DateTimeField(
        _("doorzetten naar evaluatie geweigerd op"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("versie van de overeenkomst")
        verbose_name_plural = _("versies van de overeenkomst")
        ordering = ["traject", "-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["traject", "nummer"], name="versie_uniek"),
            models.UniqueConstraint(
                fields=["traject"],
                condition=~Q(status="vervangen"),
                name="een_lopende_versie_per_traject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.traject} – versie {self.nummer}"

    @cached_property
    def open_werk(self) -> Werk | None:
        """The owed work on this version's document (the PDF being made, or the seal), or
        None: its age is shown, and when it is overdue an official may try again."""
        from aanbesteden.werk import open_werk

        if self.status == VersieStatus.VASTGESTELD and self.pdf_status == PdfStatus.BEZIG:
            return open_werk("overdracht.tasks.overeenkomst_pdf_maken", versie_id=self.pk)
        if self.status == VersieStatus.ONDERTEKEND and self.verzegeld_status == PdfStatus.BEZIG:
            return open_werk("overdracht.tasks.overeenkomst_verzegelen", versie_id=self.pk)
        return None

    @property
    def werk_te_laat(self) -> bool:
        """The document is being made for longer than it should take (or its work is lost)."""
        from aanbesteden.werk import werk_te_laat

        bezig = (
            self.status == VersieStatus.VASTGESTELD and self.pdf_status == PdfStatus.BEZIG
        ) or (self.status == VersieStatus.ONDERTEKEND and self.verzegeld_status == PdfStatus.BEZIG)
        return bezig and (self.open_werk is None or werk_te_laat(self.open_werk))


class VersieClausule(models.Model):
    versie = models.ForeignKey(
        OvereenkomstVersie, on_delete=models.CASCADE, related_name="clausules"
    )
    bron = models.ForeignKey(
        Clausule, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    titel = models.CharField(_("titel"), max_length=200)
    tekst = models.TextField(_("tekst"), max_length=20000)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("clausule in de overeenkomst")
        verbose_name_plural = _("clausules in de overeenkomst")
        ordering = ["volgorde", "pk"]

    def __str__(self) -> str:
        return self.titel


class Ondertekening(models.Model):
    """One signatory of one version: pending, signed or refused."""

    versie = models.ForeignKey(
        OvereenkomstVersie, on_delete=models.CASCADE, related_name="ondertekeningen"
    )
    partij_soort = models.CharField(_("partij"), max_length=10, choices=PartijSoort.choices)
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, null=True, blank=True, related_name="ondertekeningen"
    )
    ondertekenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="ondertekeningen",
        verbose_name=_("ondertekenaar"),
    )
    naam = models.CharField(_("naam zoals getekend"), max_length=200)
    namens = models.CharField(_("namens"), max_length=200)
    getekend_op = models.DateTimeField(_("getekend op"), null=True, blank=True)
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    instemmingstekst = models.TextField(_("instemmingstekst"), blank=True)
    pdf_sha256 = models.CharField(_("SHA-256 van de getekende PDF"), max_length=64, blank=True)
    geweigerd_op = models.DateTimeField(_("geweigerd op"), null=True, blank=True)
    weigerreden = models.TextField(_("reden van weigeren"), blank=True)
    # How the signatory's identity was checked when signing (accounts.oidc.sessie_identiteit):
    # the means, the level of assurance the broker gave, and with eHerkenning the organisation
    # it proved. Never a BSN.
    middel = models.CharField(
        _("getekend na inloggen met"), max_length=12, choices=InlogMiddel.choices, blank=True
    )
    betrouwbaarheidsniveau = models.CharField(
        _("betrouwbaarheidsniveau"), max_length=200, blank=True
    )
    gecontroleerd_kvk_nummer = models.CharField(
        _("KvK-nummer volgens eHerkenning"), max_length=8, blank=True
    )
    gecontroleerde_organisatie = models.CharField(
        _("organisatie volgens eHerkenning"), max_length=200, blank=True
    )

    class Meta:
        verbose_name = _("ondertekening")
        verbose_name_plural = _("ondertekeningen")
        ordering = ["versie", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["versie", "ondertekenaar", "partij_soort", "partner"],
                name="eenmaal_tekenen_per_partij",
                nulls_distinct=False,
            ),
            models.CheckConstraint(
                condition=Q(getekend_op__isnull=True) | Q(geweigerd_op__isnull=True),
                name="getekend_of_geweigerd",
            ),
            models.CheckConstraint(
                condition=Q(getekend_op__isnull=True) | ~Q(pdf_sha256=""),
                name="getekend_met_hash",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.namens})"

    @property
    def gecontroleerd(self) -> bool:
        """Signed with an identity a third party checked (SSO, DigiD, eHerkenning)."""
        return self.middel in GECONTROLEERD
