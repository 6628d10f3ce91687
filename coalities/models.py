"""Phases 2 and 3: the coalition (invitations, partners) and the route (milestones, every
party's contribution, the budget and the gemeente's tranches)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aanbesteden import opmaak
from aanbesteden.basismodellen import MetAanmaaktijd
from aanbesteden.constants import PartijSoort
from aanbesteden.models import Traject
from initiatieven.models import Indicator, kvk_validator

from .constants import (
    Betaalvorm,
    DekkingBron,
    HorizonOordeel,
    InzetSoort,
    PartnerRol,
    PartnerSoort,
    PartnerStatus,
    PostSoort,
    UitnodigingStatus,
)

BEDRAG = {"max_digits": 12, "decimal_places": 2}


class Uitnodiging(MetAanmaaktijd):
    """An invitation by e-mail: a one-time link that expires. Only a hash of the token is kept."""

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="uitnodigingen", verbose_name=_("traject")
    )
    email = models.EmailField(_("e-mailadres"))
    naam = models.CharField(_("naam"), max_length=200, blank=True)
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)
    bericht = models.TextField(_("persoonlijk bericht"), max_length=2000, blank=True)
    rol = models.CharField(
        _("gevraagde rol"), max_length=15, choices=PartnerRol.choices, blank=True
    )
    afwijsreden = models.TextField(_("reden van afwijzen"), max_length=2000, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    verloopt_op = models.DateTimeField(_("verloopt op"))
    status = models.CharField(
        _("status"),
        max_length=15,
        choices=UitnodigingStatus.choices,
        default=UitnodigingStatus.OPEN,
    )
    uitgenodigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    keer_verzonden = models.PositiveSmallIntegerField(default=1)
    verzonden_op = models.DateTimeField(_("laatst verzonden op"))
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["traject", "email"],
                condition=Q(status="open"),
                name="een_open_uitnodiging_per_adres",
            )
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def verlopen(self) -> bool:
        from django.utils import timezone

        return self.status == UitnodigingStatus.OPEN and self.verloopt_op <= timezone.now()

    @property
    def stand(self) -> str:
        """The status as people see it: expired, or left after accepting, included."""
        from .constants import UitnodigingStand

        if self.verlopen:
            return UitnodigingStand.VERLOPEN
        if self.status == UitnodigingStatus.GEACCEPTEERD:
            partner = getattr(self, "partner", None)
            if partner is not None and partner.status == PartnerStatus.VERTROKKEN:
                return UitnodigingStand.VERTROKKEN
        return UitnodigingStand(self.status)

    def get_stand_display(self) -> str:
        from .constants import UitnodigingStand

        return str(UitnodigingStand(self.stand).label)


class Partner(models.Model):
    """A confirmed member of the coalition (or one who left)."""

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="partners", verbose_name=_("traject")
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="partnerschappen",
        verbose_name=_("vertegenwoordiger"),
    )
    uitnodiging = models.OneToOneField(
        Uitnodiging, on_delete=models.SET_NULL, null=True, blank=True, related_name="partner"
    )
    soort = models.CharField(
        _("soort partner"),
        max_length=12,
        choices=PartnerSoort.choices,
        default=PartnerSoort.ORGANISATIE,
    )
    organisatie = models.CharField(_("naam organisatie"), max_length=200)
    rechtsvorm = models.CharField(_("rechtsvorm"), max_length=100, blank=True)
    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, blank=True, validators=[kvk_validator]
    )
    contactpersoon = models.CharField(_("contactpersoon"), max_length=200)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    rol = models.CharField(
        _("rol in de coalitie"), max_length=15, choices=PartnerRol.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=PartnerStatus.choices, default=PartnerStatus.BEVESTIGD
    )
    publiceren = models.BooleanField(
        _("naam mag in het openbare register"),
        default=False,
    )
    toegetreden_op = models.DateTimeField(_("toegetreden op"), auto_now_add=True)
    # The partner's answer to the horizon, and the horizon version it answered: once the
    # horizon changes (back in phase 1), an earlier answer no longer counts.
    horizon_oordeel = models.CharField(
        _("oordeel over de stip aan de horizon"),
        max_length=10,
        choices=HorizonOordeel.choices,
        blank=True,
    )
    horizon_versie = models.PositiveIntegerField(
        _("versie van de stip aan de horizon"), null=True, blank=True
    )
    horizon_oordeel_op = models.DateTimeField(_("oordeel gegeven op"), null=True, blank=True)
    horizon_toelichting = models.TextField(
        _("toelichting bij het oordeel"), max_length=2000, blank=True
    )
    vertrokken_op = models.DateTimeField(_("vertrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["toegetreden_op", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["traject", "gebruiker"],
                condition=Q(status="bevestigd"),
                name="partner_eenmaal_actief",
            )
        ]

    def __str__(self) -> str:
        return self.organisatie


class Route(models.Model):
    """Phase 3's frame: the start and duration the agreement will state, and its version.

    Milestones, contributions and budget are edited as a draft (concept): an edit makes no
    version and sends no message, it only marks the draft as changed and notes what changed.
    When the draft is ready a party asks the others to agree: that freezes the draft as the
    next ``versie`` (a ``RouteVersie``) and sends one message per person. Agreements are given
    for one version; they count only while the draft has not changed since."""

    traject = models.OneToOneField(
        Traject, on_delete=models.CASCADE, related_name="route", verbose_name=_("traject")
    )
    startdatum = models.DateField(_("startdatum"), null=True, blank=True)
    looptijd_maanden = models.PositiveSmallIntegerField(
        _("looptijd (maanden)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
    )
    versie = models.PositiveIntegerField(
        _("versie"), default=0, help_text=_("De laatste versie waarop akkoord is gevraagd.")
    )
    concept_gewijzigd = models.BooleanField(
        _("concept gewijzigd sinds de laatste versie"), default=False
    )
    concept_wijzigingen = models.JSONField(
        _("wat er in het concept veranderde"), default=list, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("route")
        verbose_name_plural = _("routes")

    def __str__(self) -> str:
        return str(self.traject)

    @property
    def einddatum(self):
        """The last day of the route: start plus duration (``None`` while either is unset)."""
        if not self.startdatum or not self.looptijd_maanden:
            return None
        return opmaak.maanden_later(self.startdatum, self.looptijd_maanden)


class RouteVersie(MetAanmaaktijd):
    """An earlier version of the route, with what changed."""

    route = models.ForeignKey(Route, on_delete=models.CASCADE, related_name="versies")
    versie = models.PositiveIntegerField(_("versie"))
    inhoud = models.JSONField(_("inhoud"))
    wijziging = models.TextField(_("wat veranderde"), blank=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("versie van de route")
        verbose_name_plural = _("versies van de route")
        ordering = ["-versie"]
        constraints = [
            models.UniqueConstraint(fields=["route", "versie"], name="routeversie_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.route} v{self.versie}"


class RouteAkkoord(models.Model):
    """A party's agreement in principle to one version of the route."""

    route = models.ForeignKey(Route, on_delete=models.CASCADE, related_name="akkoorden")
    versie = models.PositiveIntegerField(_("versie"))
    partij_soort = models.CharField(_("partij"), max_length=10, choices=PartijSoort.choices)
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, null=True, blank=True, related_name="akkoorden"
    )
    gegeven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    gegeven_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("akkoord op de route")
        verbose_name_plural = _("akkoorden op de route")
        constraints = [
            models.UniqueConstraint(
                fields=["route", "versie", "partij_soort", "partner"],
                name="akkoord_eenmaal_per_partij",
                nulls_distinct=False,
            ),
            models.CheckConstraint(
                condition=(Q(partij_soort="partner") & Q(partner__isnull=False))
                | (~Q(partij_soort="partner") & Q(partner__isnull=True)),
                name="akkoord_partner_past_bij_soort",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.route} v{self.versie}: {self.partij_soort}"


class Mijlpaal(models.Model):
    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="mijlpalen", verbose_name=_("traject")
    )
    titel = models.CharField(_("titel"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), max_length=5000, blank=True)
    datum = models.DateField(_("klaar op"))
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mijlpalen",
        verbose_name=_("draagt bij aan indicator"),
    )
    verantwoordelijke_soort = models.CharField(
        _("verantwoordelijke partij"),
        max_length=10,
        choices=PartijSoort.choices,
        default=PartijSoort.INITIATIEF,
    )
    verantwoordelijke_partner = models.ForeignKey(
        Partner, on_delete=models.SET_NULL, null=True, blank=True, related_name="mijlpalen"
    )

    class Meta:
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        ordering = ["datum", "pk"]

    def __str__(self) -> str:
        return self.titel


class Inzet(models.Model):
    """A party's contribution: kind, amount and unit, for one milestone or the whole route."""

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="inzet", verbose_name=_("traject")
    )
    partij_soort = models.CharField(_("partij"), max_length=10, choices=PartijSoort.choices)
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, null=True, blank=True, related_name="inzet"
    )
    mijlpaal = models.ForeignKey(
        Mijlpaal,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="inzet",
        verbose_name=_("mijlpaal (leeg: de hele route)"),
    )
    soort = models.CharField(_("soort inzet"), max_length=15, choices=InzetSoort.choices)
    omschrijving = models.CharField(_("omschrijving"), max_length=300, blank=True)
    hoeveelheid = models.DecimalField(_("hoeveelheid"), max_digits=12, decimal_places=2)
    eenheid = models.CharField(_("eenheid"), max_length=30)
    bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    bevestigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("inzet")
        verbose_name_plural = _("inzet")
        ordering = ["partij_soort", "partner_id", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(hoeveelheid__gt=0), name="inzet_positief"),
            models.CheckConstraint(
                condition=(Q(partij_soort="partner") & Q(partner__isnull=False))
                | (~Q(partij_soort="partner") & Q(partner__isnull=True)),
                name="inzet_partner_past_bij_soort",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.hoeveelheid} {self.eenheid} {self.get_soort_display()}"


class Begrotingspost(models.Model):
    """A budget line: a cost, or a source that covers costs."""

    traject = models.ForeignKey(
        Traject,
        on_delete=models.CASCADE,
        related_name="begrotingsposten",
        verbose_name=_("traject"),
    )
    soort = models.CharField(_("soort"), max_length=8, choices=PostSoort.choices)
    bron = models.CharField(
        _("bron"),
        max_length=10,
        choices=DekkingBron.choices,
        blank=True,
        help_text=_("Alleen bij dekking: waar komt het geld vandaan?"),
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    bedrag = models.DecimalField(_("bedrag (euro)"), **BEDRAG)
    mijlpaal = models.ForeignKey(
        Mijlpaal, on_delete=models.SET_NULL, null=True, blank=True, related_name="posten"
    )

    class Meta:
        verbose_name = _("begrotingspost")
        verbose_name_plural = _("begrotingsposten")
        ordering = ["soort", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__gt=0), name="post_bedrag_positief"),
            models.CheckConstraint(
                condition=(Q(soort="dekking") & ~Q(bron="")) | (Q(soort="kosten") & Q(bron="")),
                name="post_bron_alleen_bij_dekking",
            ),
        ]

    def __str__(self) -> str:
        return self.omschrijving


class Tranche(models.Model):
    """A payment by the gemeente, tied to a milestone, as subsidy or contract."""

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="tranches", verbose_name=_("traject")
    )
    mijlpaal = models.ForeignKey(
        Mijlpaal, on_delete=models.SET_NULL, null=True, blank=True, related_name="tranches"
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    bedrag = models.DecimalField(_("bedrag (euro)"), **BEDRAG)
    vorm = models.CharField(_("vorm"), max_length=10, choices=Betaalvorm.choices)
    datum = models.DateField(_("geplande betaaldatum"))

    class Meta:
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        ordering = ["datum", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__gt=0), name="tranche_bedrag_positief")
        ]

    def __str__(self) -> str:
        return self.omschrijving
