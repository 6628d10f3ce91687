from django.db import models
from django.utils.translation import gettext_lazy as _


class Bezorging(models.TextChoices):
    """How a user wants to get the mail of one kind of notification."""

    DIRECT = "direct", _("Meteen een e-mail")
    DAGOVERZICHT = "dagoverzicht", _("Eén e-mail per dag met alles bij elkaar")
    GEEN = "geen", _("Geen e-mail, alleen in de lijst met meldingen")


class DossierStatus(models.TextChoices):
    WACHTEN = "wachten", _("Wordt gemaakt")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")


#: States from which a task counts as handed over (shown in the public register).
OVERGEDRAGEN = ("overdracht", "evaluatie", "verankerd", "beeindigd")
