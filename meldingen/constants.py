from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificatieSoort(models.TextChoices):
    TRANSITIE = "transitie", _("Het traject gaat naar een andere fase")
    INLOGLINK = "inloglink", _("Inloglink")
    VOORSTEL = "voorstel", _("Voorstellen en besluiten")
    HORIZON = "horizon", _("Stip aan de horizon")
    COALITIE = "coalitie", _("Uitnodigingen en coalitie")
    ROUTE = "route", _("Route en begroting")
    OVERDRACHT = "overdracht", _("Overeenkomst en ondertekening")
    EVALUATIE = "evaluatie", _("Evaluaties en herinneringen")
    REACTIE = "reactie", _("Reacties van bewoners op openbare pagina's")
    OVERIG = "overig", _("Overig")


class Bezorging(models.TextChoices):
    """How a user wants to get the mail of one kind of notification."""

    DIRECT = "direct", _("Meteen een e-mail")
    DAGOVERZICHT = "dagoverzicht", _("Eén e-mail per dag met alles bij elkaar")
    GEEN = "geen", _("Geen e-mail, alleen in de lijst met meldingen")


class MailStatus(models.TextChoices):
    """Where an owed mail stands (``Uitgaandemail``)."""

    WACHTEN = "wachten", _("Nog te versturen")
    VERZONDEN = "verzonden", _("Verzonden")
    OPGEGEVEN = "opgegeven", _("Opgegeven")
