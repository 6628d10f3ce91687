from django.db import models
from django.utils.translation import gettext_lazy as _


class DossierStatus(models.TextChoices):
    WACHTEN = "wachten", _("Wordt gemaakt")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")
