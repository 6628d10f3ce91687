from django.db import models
from django.utils.translation import gettext_lazy as _


class VersieStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept (nog te wijzigen)")
    VASTGESTELD = "vastgesteld", _("Vastgesteld, klaar om te tekenen")
    ONDERTEKEND = "ondertekend", _("Door iedereen ondertekend")
    VERZEGELD = "verzegeld", _("Ondertekend en verzegeld")
    VERVANGEN = "vervangen", _("Vervangen door een nieuwere versie")


class PdfStatus(models.TextChoices):
    GEEN = "geen", _("Nog niet gemaakt")
    BEZIG = "bezig", _("Wordt gemaakt")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")


class ClausuleSoort(models.TextChoices):
    BEHEER = "beheer", _("Beheerovereenkomst")
    SAMENWERKING = "samenwerking", _("Samenwerkingsovereenkomst")
    SUBSIDIE = "subsidie", _("Subsidievoorwaarden")
    ALGEMEEN = "algemeen", _("Algemeen")
