"""Phase 5: evaluation moments, reminders sent exactly once, evaluations, the decision."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aanbesteden.basismodellen import MetAanmaaktijd
from aanbesteden.constants import PartijSoort
from aanbesteden.models import Traject
from coalities.models import Partner, Tranche
from initiatieven.models import Indicator

from .constants import Conclusie, HerinneringSoort, MomentStatus, VerankeringWijze


class Evaluatiemoment(MetAanmaaktijd):
    traject = models.ForeignKey(
        Traject,
        on_delete=models.CASCADE,
        related_name="evaluatiemomenten",
        verbose_name=_("traject"),
    )
    gepland_op = models.DateField(_("gepland op"))
    oorspronkelijk_op = models.DateField(_("oorspronkelijk gepland op"), null=True, blank=True)
    verplaatst_reden = models.TextField(_("reden van verplaatsen"), blank=True)
    extra = models.BooleanField(_("extra moment"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=MomentStatus.choices, default=MomentStatus.GEPLAND
    )
    afgerond_op = models.DateTimeField(_("afgerond op"), null=True, blank=True)

    class Meta:
        verbose_name = _("evaluatiemoment")
        verbose_name_plural = _("evaluatiemomenten")
        ordering = ["gepland_op", "pk"]
        indexes = [
            # The reminder scan reads only planned moments in a date window.
            models.Index(
                fields=["gepland_op"], condition=Q(status="gepland"), name="moment_gepland_op"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.traject} – {self.gepland_op:%Y-%m-%d}"


class Herinnering(MetAanmaaktijd):
    """A reminder that was (or is being) sent: at most one per moment and kind."""

    moment = models.ForeignKey(
        Evaluatiemoment, on_delete=models.CASCADE, related_name="herinneringen"
    )
    soort = models.CharField(_("soort"), max_length=10, choices=HerinneringSoort.choices)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    aantal_ontvangers = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        constraints = [
            models.UniqueConstraint(fields=["moment", "soort"], name="herinnering_eenmaal")
        ]

    def __str__(self) -> str:
        return f"{self.moment}: {self.get_soort_display()}"


class Evaluatie(MetAanmaaktijd):
    moment = models.OneToOneField(
        Evaluatiemoment, on_delete=models.CASCADE, related_name="evaluatie"
    )
    visie_gemeente = models.TextField(_("visie van de gemeente"), max_length=10000, blank=True)
    conclusie = models.CharField(_("besluit"), max_length=12, choices=Conclusie.choices, blank=True)
    toelichting = models.TextField(_("toelichting op het besluit"), max_length=10000, blank=True)
    ontbrekend_reden = models.TextField(
        _("waarom niet alle bijdragen er zijn"), max_length=5000, blank=True
    )
    besloten_op = models.DateTimeField(_("besloten op"), null=True, blank=True)
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")

    def __str__(self) -> str:
        return str(self.moment)


class EvaluatieBijdrage(models.Model):
    """The part of one party (initiative or partner) in an evaluation."""

    evaluatie = models.ForeignKey(Evaluatie, on_delete=models.CASCADE, related_name="bijdragen")
    partij_soort = models.CharField(_("partij"), max_length=10, choices=PartijSoort.choices)
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    ingevuld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    wat_ging_goed = models.TextField(_("wat ging goed"), max_length=5000, blank=True)
    wat_kan_beter = models.TextField(_("wat ging niet goed"), max_length=5000, blank=True)
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)

    class Meta:
        verbose_name = _("bijdrage aan de evaluatie")
        verbose_name_plural = _("bijdragen aan de evaluatie")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluatie", "partij_soort", "partner"],
                name="bijdrage_eenmaal",
                nulls_distinct=False,
            )
        ]

    def __str__(self) -> str:
        return f"{self.evaluatie}: {self.partij_soort}"


class Meting(models.Model):
    bijdrage = models.ForeignKey(
        EvaluatieBijdrage, on_delete=models.CASCADE, related_name="metingen"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="metingen")
    waarde = models.DecimalField(_("gemeten waarde"), max_digits=14, decimal_places=2)
    bron = models.CharField(_("bron"), max_length=300)
    gemeten_op = models.DateField(_("gemeten op"))

    class Meta:
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        ordering = ["gemeten_op", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["bijdrage", "indicator"], name="meting_eenmaal")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.waarde}"


class Besteding(models.Model):
    bijdrage = models.ForeignKey(
        EvaluatieBijdrage, on_delete=models.CASCADE, related_name="bestedingen"
    )
    tranche = models.ForeignKey(Tranche, on_delete=models.CASCADE, related_name="bestedingen")
    bedrag = models.DecimalField(_("besteed (euro)"), max_digits=12, decimal_places=2)
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("besteding")
        verbose_name_plural = _("bestedingen")
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="besteding_niet_negatief"),
            models.UniqueConstraint(fields=["bijdrage", "tranche"], name="besteding_eenmaal"),
        ]

    def __str__(self) -> str:
        return f"{self.tranche}: {self.bedrag}"


class Verankering(MetAanmaaktijd):
    traject = models.OneToOneField(Traject, on_delete=models.CASCADE, related_name="verankering")
    wijze = models.CharField(_("hoe verankerd"), max_length=10, choices=VerankeringWijze.choices)
    omschrijving = models.TextField(_("omschrijving"), max_length=5000)
    ingangsdatum = models.DateField(_("met ingang van"))

    class Meta:
        verbose_name = _("verankering")
        verbose_name_plural = _("verankeringen")

    def __str__(self) -> str:
        return str(self.traject)


class Exitplan(models.Model):
    """The hand-back checklist when a task stops, so the public task goes on."""

    traject = models.OneToOneField(Traject, on_delete=models.CASCADE, related_name="exitplan")
    sleutels_terug = models.BooleanField(_("sleutels teruggegeven"), default=False)
    bezittingen_terug = models.BooleanField(_("bezittingen teruggegeven"), default=False)
    gegevens_terug = models.BooleanField(_("gegevens overgedragen"), default=False)
    afrekening_gedaan = models.BooleanField(_("geld afgerekend"), default=False)
    afrekening_toelichting = models.TextField(_("afrekening"), max_length=5000, blank=True)
    overdracht_taak = models.TextField(_("wie de taak overneemt"), max_length=5000, blank=True)
    afgerond_op = models.DateTimeField(_("afgerond op"), null=True, blank=True)

    class Meta:
        verbose_name = _("exitplan")
        verbose_name_plural = _("exitplannen")

    def __str__(self) -> str:
        return str(self.traject)

    @property
    def compleet(self) -> bool:
        return all(
            [
                self.sleutels_terug,
                self.bezittingen_terug,
                self.gegevens_terug,
                self.afrekening_gedaan,
            ]
        )
