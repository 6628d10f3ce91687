"""Intake and phase 1: calls (opgaven), initiatives, proposals, assessment, the horizon."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from aanbesteden.basismodellen import MetAanmaaktijd, MetTijdstempels
from aanbesteden.models import Gemeente, Traject, Werk

from .constants import (
    Besluit,
    BijlageSoort,
    DocumentStatus,
    Meetfrequentie,
    OpgaveStatus,
    ReactiePlek,
    Rechtsvorm,
    Score,
    VoorstelSoort,
)

BEDRAG = {"max_digits": 12, "decimal_places": 2}
kvk_validator = RegexValidator(r"^\d{8}$", _("Een KvK-nummer bestaat uit 8 cijfers."))
postcode_validator = RegexValidator(
    r"^[1-9]\d{3} ?[A-Za-z]{2}$", _("Vul een postcode in zoals 1234 AB.")
)


class Opgave(MetTijdstempels):
    """A call: a task the gemeente wants to hand over, open for proposals until its deadline."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="opgaven", verbose_name=_("gemeente")
    )
    titel = models.CharField(_("titel"), max_length=200)
    omschrijving = models.TextField(_("omschrijving van de taak"), max_length=10000)
    huidige_kosten = models.DecimalField(
        _("huidige kosten per jaar (euro)"), **BEDRAG, validators=[MinValueValidator(0)]
    )
    kwaliteitsniveau = models.TextField(_("huidig kwaliteitsniveau"), max_length=5000)
    voorwaarden = models.TextField(_("voorwaarden"), max_length=10000, blank=True)
    beoordelingscriteria = models.TextField(_("beoordelingscriteria"), max_length=10000)
    thema = models.CharField(_("thema"), max_length=100, blank=True)
    wijk = models.CharField(_("wijk of buurt"), max_length=100, blank=True)
    deadline = models.DateTimeField(_("uiterste datum voor voorstellen"))
    contactpersoon_naam = models.CharField(_("contactpersoon"), max_length=200)
    contactpersoon_email = models.EmailField(_("e-mailadres contactpersoon"))
    status = models.CharField(
        _("status"), max_length=15, choices=OpgaveStatus.choices, default=OpgaveStatus.CONCEPT
    )
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("opgave")
        verbose_name_plural = _("opgaven")
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(huidige_kosten__gte=0), name="opgave_kosten_niet_negatief"
            ),
            models.CheckConstraint(
                condition=~Q(status="gepubliceerd") | Q(gepubliceerd_op__isnull=False),
                name="opgave_gepubliceerd_heeft_datum",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse(
            "initiatieven:opgave", kwargs={"gemeente": self.gemeente.slug, "pk": self.pk}
        )

    @property
    def is_open(self) -> bool:
        return self.status == OpgaveStatus.GEPUBLICEERD and self.deadline > timezone.now()


class Initiatief(MetAanmaaktijd):
    """The organisation or group of residents behind a proposal."""

    naam = models.CharField(_("naam van het initiatief"), max_length=200)
    rechtsvorm = models.CharField(_("rechtsvorm"), max_length=15, choices=Rechtsvorm.choices)
    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, blank=True, validators=[kvk_validator]
    )
    straat = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=7, blank=True, validators=[postcode_validator]
    )
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True)
    leden = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="initiatieven", verbose_name=_("leden"), blank=True
    )
    publiceren = models.BooleanField(
        _("naam mag in het openbare register"),
        default=False,  # consent: never ticked before the initiative ticks it
        help_text=_("De naam van het initiatief mag in het openbare register staan."),
    )

    class Meta:
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")

    def __str__(self) -> str:
        return self.naam


class Contactpersoon(models.Model):
    initiatief = models.ForeignKey(
        Initiatief,
        on_delete=models.CASCADE,
        related_name="contactpersonen",
        verbose_name=_("initiatief"),
    )
    naam = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"))
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    functie = models.CharField(_("functie of rol"), max_length=100, blank=True)
    is_vertegenwoordiger = models.BooleanField(_("tekent namens het initiatief"), default=False)

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.naam


class Voorstel(MetTijdstempels):
    """A proposal: in answer to a call, or a challenge (uitdaagrecht) on a task."""

    traject = models.OneToOneField(
        Traject, on_delete=models.CASCADE, related_name="voorstel", verbose_name=_("traject")
    )
    initiatief = models.ForeignKey(
        Initiatief,
        on_delete=models.PROTECT,
        related_name="voorstellen",
        verbose_name=_("initiatief"),
    )
    soort = models.CharField(_("soort"), max_length=15, choices=VoorstelSoort.choices)
    opgave = models.ForeignKey(
        Opgave,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="voorstellen",
        verbose_name=_("opgave"),
    )
    taak = models.CharField(
        _("welke taak van de gemeente"),
        max_length=300,
        blank=True,
        help_text=_("Bij uitdaagrecht: welke taak wilt u overnemen?"),
    )
    omschrijving = models.TextField(_("omschrijving"), max_length=10000, blank=True)
    bijdrage_gemeentedoelen = models.TextField(
        _("bijdrage aan de doelen van de gemeente"), max_length=5000, blank=True
    )
    doelgroep = models.TextField(_("doelgroep"), max_length=2000, blank=True)
    bereik = models.PositiveIntegerField(
        _("bereik (aantal mensen)"), null=True, blank=True, validators=[MaxValueValidator(10**7)]
    )
    kostenraming = models.DecimalField(
        _("kostenraming per jaar (euro)"),
        **BEDRAG,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    huidige_kosten = models.DecimalField(
        _("huidige kosten van de taak per jaar (euro)"),
        **BEDRAG,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    eigen_bijdrage = models.DecimalField(
        _("eigen bijdrage per jaar (euro)"),
        **BEDRAG,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    looptijd_maanden = models.PositiveSmallIntegerField(
        _("looptijd (maanden)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
    )
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    beslissen_voor = models.DateField(_("beslissen uiterlijk op"), null=True, blank=True)
    besluit = models.CharField(_("besluit"), max_length=12, choices=Besluit.choices, blank=True)
    besluit_motivatie = models.TextField(_("motivatie van het besluit"), blank=True)
    besluit_op = models.DateTimeField(_("besloten op"), null=True, blank=True)
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    bezwaar_tot = models.DateField(_("bezwaar mogelijk tot"), null=True, blank=True)
    openbaar = models.BooleanField(
        _("openbaar"),
        default=False,
        help_text=_(
            "Iedereen kan het ingediende voorstel zien en steunen. "
            "Gegevens van contactpersonen worden nooit getoond."
        ),
    )
    openbaar_sinds = models.DateTimeField(_("openbaar sinds"), null=True, blank=True)
    handtekeningen = models.PositiveIntegerField(
        _("handtekeningen op papier"),
        default=0,
        validators=[MaxValueValidator(10**6)],
        help_text=_(
            "Hoeveel mensen zetten hun handtekening op papier? Voeg de lijsten toe als bijlage."
        ),
    )

    class Meta:
        verbose_name = _("voorstel")
        verbose_name_plural = _("voorstellen")
        constraints = [
            models.CheckConstraint(
                condition=(Q(soort="opgave") & Q(opgave__isnull=False))
                | (Q(soort="uitdaagrecht") & Q(opgave__isnull=True)),
                name="voorstel_soort_past_bij_opgave",
            ),
            models.CheckConstraint(
                condition=Q(kostenraming__isnull=True) | Q(kostenraming__gte=0),
                name="voorstel_kosten_niet_negatief",
            ),
        ]

    def __str__(self) -> str:
        return str(self.traject)

    def openbare_url(self) -> str:
        """The public page of the proposal (shown only while it is published)."""
        return reverse(
            "initiatieven:openbaar_voorstel",
            kwargs={"gemeente": self.traject.gemeente.slug, "pk": self.pk},
        )

    @property
    def dagen_tot_besluit(self) -> int | None:
        """Days left of the decision term (negative when overdue); None once decided."""
        if self.beslissen_voor is None or self.besluit:
            return None
        return (self.beslissen_voor - timezone.localdate()).days

    @property
    def dagen_te_laat(self) -> int:
        dagen = self.dagen_tot_besluit
        return -dagen if dagen is not None and dagen < 0 else 0

    @property
    def termijn_krap(self) -> bool:
        """True when the decision is due within a week or overdue."""
        dagen = self.dagen_tot_besluit
        return dagen is not None and dagen <= 7


class Steunbetuiging(MetAanmaaktijd):
    """A supporter who confirms by e-mail link; counted once per address."""

    voorstel = models.ForeignKey(
        Voorstel,
        on_delete=models.CASCADE,
        related_name="steunbetuigingen",
        verbose_name=_("voorstel"),
    )
    naam = models.CharField(_("naam"), max_length=200, blank=True)
    naam_openbaar = models.BooleanField(_("naam mag op de openbare pagina"), default=False)
    email = models.EmailField(_("e-mailadres"))
    postcode = models.CharField(
        _("postcode"), max_length=7, blank=True, validators=[postcode_validator]
    )
    lokaal = models.BooleanField(_("uit de gemeente"), null=True, blank=True)
    via_openbare_pagina = models.BooleanField(_("via de openbare pagina"), default=False)
    token_hash = models.CharField(max_length=64, unique=True)
    bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("steunbetuiging")
        verbose_name_plural = _("steunbetuigingen")
        constraints = [
            models.UniqueConstraint(fields=["voorstel", "email"], name="steun_eenmaal_per_adres")
        ]

    def __str__(self) -> str:
        return self.naam


def bijlage_pad(instance: Bijlage, filename: str) -> str:
    return (
        f"prive/voorstellen/{instance.voorstel.traject_id}/{timezone.now():%Y%m%d%H%M%S}-{filename}"
    )


class Bijlage(MetAanmaaktijd):
    """An attachment; stored outside any public URL, downloaded only through an access check."""

    voorstel = models.ForeignKey(
        Voorstel, on_delete=models.CASCADE, related_name="bijlagen", verbose_name=_("voorstel")
    )
    soort = models.CharField(
        _("soort"), max_length=10, choices=BijlageSoort.choices, default=BijlageSoort.BIJLAGE
    )
    bestand = models.FileField(_("bestand"), upload_to=bijlage_pad, max_length=300)
    naam = models.CharField(_("bestandsnaam"), max_length=200)
    mime = models.CharField(_("soort bestand"), max_length=100)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"))
    sha256 = models.CharField(max_length=64)
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.naam


class Beoordelingscriterium(models.Model):
    """One criterion of a gemeente's participatieverordening."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("gemeente")
    )
    code = models.SlugField(_("code"), max_length=40)
    titel = models.CharField(_("criterium"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("beoordelingscriterium")
        verbose_name_plural = _("beoordelingscriteria")
        ordering = ["volgorde", "pk"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "code"], name="criterium_uniek")]

    def __str__(self) -> str:
        return self.titel


class Beoordeling(models.Model):
    voorstel = models.OneToOneField(
        Voorstel,
        on_delete=models.CASCADE,
        related_name="beoordeling",
        verbose_name=_("voorstel"),
    )
    beoordelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    samenvatting = models.TextField(_("samenvatting van de beoordeling"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")

    def __str__(self) -> str:
        return str(self.voorstel)


class Criteriumscore(models.Model):
    beoordeling = models.ForeignKey(
        Beoordeling,
        on_delete=models.CASCADE,
        related_name="scores",
        verbose_name=_("beoordeling"),
    )
    criterium = models.ForeignKey(
        Beoordelingscriterium,
        on_delete=models.PROTECT,
        related_name="scores",
        verbose_name=_("criterium"),
    )
    score = models.CharField(_("score"), max_length=12, choices=Score.choices)
    toelichting = models.TextField(_("toelichting"), max_length=5000, blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["beoordeling", "criterium"], name="score_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.criterium}: {self.get_score_display()}"


class Besluitbrief(MetTijdstempels):
    """The decision letter (PDF), rendered by a Celery task."""

    voorstel = models.OneToOneField(
        Voorstel,
        on_delete=models.CASCADE,
        related_name="besluitbrief",
        verbose_name=_("voorstel"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.WACHTEN
    )
    bestand = models.FileField(_("bestand"), upload_to="prive/besluitbrieven/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    fout = models.TextField(_("foutmelding"), blank=True)

    class Meta:
        verbose_name = _("besluitbrief")
        verbose_name_plural = _("besluitbrieven")

    def __str__(self) -> str:
        return str(self.voorstel)

    @cached_property
    def open_werk(self) -> Werk | None:
        """The owed work that makes this letter, while it waits (its age is shown)."""
        from aanbesteden.werk import open_werk

        if self.status != DocumentStatus.WACHTEN:
            return None
        return open_werk("initiatieven.tasks.besluitbrief_maken", besluitbrief_id=self.pk)

    @property
    def werk_te_laat(self) -> bool:
        """The letter waits longer than it should (or its work is lost): try again."""
        from aanbesteden.werk import werk_te_laat

        return self.status == DocumentStatus.WACHTEN and (
            self.open_werk is None or werk_te_laat(self.open_werk)
        )


class Horizon(models.Model):
    """Phase 1: the shared goal. Any edit after an approval withdraws the approvals."""

    traject = models.OneToOneField(
        Traject, on_delete=models.CASCADE, related_name="horizon", verbose_name=_("traject")
    )
    ambitie = models.TextField(_("ambitie"), max_length=5000, blank=True)
    beoogde_resultaten = models.TextField(_("beoogde resultaten"), max_length=5000, blank=True)
    versie = models.PositiveIntegerField(_("versie"), default=1)
    akkoord_initiatief_op = models.DateTimeField(null=True, blank=True)
    akkoord_initiatief_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    akkoord_gemeente_op = models.DateTimeField(null=True, blank=True)
    akkoord_gemeente_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("stip aan de horizon")
        verbose_name_plural = _("stippen aan de horizon")

    def __str__(self) -> str:
        return str(self.traject)

    @property
    def goedgekeurd(self) -> bool:
        return bool(self.akkoord_initiatief_op and self.akkoord_gemeente_op)


class HorizonVersie(MetAanmaaktijd):
    """An earlier version of the horizon, kept when it changes."""

    horizon = models.ForeignKey(
        Horizon, on_delete=models.CASCADE, related_name="versies", verbose_name=_("horizon")
    )
    versie = models.PositiveIntegerField(_("versie"))
    inhoud = models.JSONField(_("inhoud"))
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("versie van de horizon")
        verbose_name_plural = _("versies van de horizon")
        ordering = ["-versie"]
        constraints = [
            models.UniqueConstraint(fields=["horizon", "versie"], name="horizonversie_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.horizon} v{self.versie}"


class Indicator(models.Model):
    """A measurable indicator of the horizon, with its baseline and target."""

    horizon = models.ForeignKey(
        Horizon, on_delete=models.CASCADE, related_name="indicatoren", verbose_name=_("horizon")
    )
    naam = models.CharField(_("naam"), max_length=200)
    eenheid = models.CharField(
        _("eenheid"), max_length=50, help_text=_("Bijvoorbeeld: aantal, %, euro.")
    )
    nulwaarde = models.DecimalField(
        _("beginwaarde"), max_digits=14, decimal_places=2, default=Decimal("0")
    )
    streefwaarde = models.DecimalField(
        _("streefwaarde"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    hoger_is_beter = models.BooleanField(_("hoger is beter"), default=True)
    meetmethode = models.TextField(_("hoe wordt gemeten"), max_length=2000, blank=True)
    meetfrequentie = models.CharField(
        _("hoe vaak gemeten"),
        max_length=10,
        choices=Meetfrequentie.choices,
        default=Meetfrequentie.KWARTAAL,
    )
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["volgorde", "pk"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.eenheid})"


class Reactie(MetAanmaaktijd):
    """A resident's reaction on a public page (a published proposal, or the public page of
    the handed-over task), or the initiative's answer to one. Plain text. Shown once the
    e-mail address confirmed it, or at once for someone logged in; the gemeente can hide it,
    with a reason everyone reads."""

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="reacties", verbose_name=_("traject")
    )
    plek = models.CharField(_("waar"), max_length=10, choices=ReactiePlek.choices)
    antwoord_op = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="antwoorden",
        verbose_name=_("antwoord op"),
    )
    tekst = models.TextField(_("reactie"), max_length=2000)
    naam = models.CharField(_("naam"), max_length=100, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    van_initiatief = models.BooleanField(_("van het initiatief"), default=False)
    pagina = models.CharField(_("openbare pagina"), max_length=300, blank=True)
    token_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    verborgen_op = models.DateTimeField(_("verborgen op"), null=True, blank=True)
    verborgen_reden = models.CharField(_("reden van verbergen"), max_length=500, blank=True)
    verborgen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["traject", "plek", "bevestigd_op"], name="reactie_pagina")]

    def __str__(self) -> str:
        return self.tekst[:50]


class ReactieMelding(MetAanmaaktijd):
    """Somebody reports a reaction to the gemeente (anyone can, without giving a name)."""

    reactie = models.ForeignKey(
        Reactie, on_delete=models.CASCADE, related_name="meldingen", verbose_name=_("reactie")
    )
    reden = models.CharField(_("waarom"), max_length=500)

    class Meta:
        verbose_name = _("melding van een reactie")
        verbose_name_plural = _("meldingen van reacties")

    def __str__(self) -> str:
        return self.reden[:50]
