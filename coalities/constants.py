from django.db import models
from django.utils.translation import gettext_lazy as _


class UitnodigingStatus(models.TextChoices):
    OPEN = "open", _("Uitgenodigd")
    GEACCEPTEERD = "geaccepteerd", _("Geaccepteerd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


class PartnerRol(models.TextChoices):
    UITVOERDER = "uitvoerder", _("Uitvoerder")
    FINANCIER = "financier", _("Financier")
    ADVISEUR = "adviseur", _("Adviseur")
    ONDERSTEUNER = "ondersteuner", _("Ondersteuner")


class PartnerStatus(models.TextChoices):
    BEVESTIGD = "bevestigd", _("Bevestigd")
    VERTROKKEN = "vertrokken", _("Vertrokken")


class HorizonOordeel(models.TextChoices):
    """A partner's answer to the horizon: agreed, or not (with a reason)."""

    AKKOORD = "akkoord", _("Akkoord")
    BEZWAAR = "bezwaar", _("Niet akkoord")


class PartnerSoort(models.TextChoices):
    BEWONER = "bewoner", _("Bewoner")
    ORGANISATIE = "organisatie", _("Maatschappelijke organisatie")
    BEDRIJF = "bedrijf", _("Bedrijf")
    INSTELLING = "instelling", _("Instelling")


class InzetSoort(models.TextChoices):
    UREN = "uren", _("Uren")
    GELD = "geld", _("Geld")
    MATERIALEN = "materialen", _("Materialen")
    FACILITEITEN = "faciliteiten", _("Faciliteiten")
    KENNIS = "kennis", _("Kennis")


class PostSoort(models.TextChoices):
    KOSTEN = "kosten", _("Kosten")
    DEKKING = "dekking", _("Dekking")


class DekkingBron(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    EIGEN = "eigen", _("Eigen bijdrage initiatief")
    PARTNER = "partner", _("Partner")
    FONDS = "fonds", _("Fonds")
    OVERIG = "overig", _("Overig")


class Betaalvorm(models.TextChoices):
    SUBSIDIE = "subsidie", _("Subsidie")
    OPDRACHT = "opdracht", _("Opdracht (contract)")


class UitnodigingStand(models.TextChoices):
    """How an invitation stands as shown to people: its status, with ``verlopen`` computed."""

    OPEN = "open", _("Uitgenodigd")
    VERLOPEN = "verlopen", _("Verlopen")
    GEACCEPTEERD = "geaccepteerd", _("Bevestigd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")
    VERTROKKEN = "vertrokken", _("Vertrokken")


#: Days an invitation link stays valid unless ``settings.UITNODIGING_GELDIG_DAGEN`` says so.
UITNODIGING_GELDIG_DAGEN = 14
