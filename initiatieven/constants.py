from django.db import models
from django.utils.translation import gettext_lazy as _


class OpgaveStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")
    GESLOTEN = "gesloten", _("Gesloten")


class VoorstelSoort(models.TextChoices):
    OPGAVE = "opgave", _("Antwoord op een opgave")
    UITDAAGRECHT = "uitdaagrecht", _("Uitdaagrecht (eigen initiatief)")


class Rechtsvorm(models.TextChoices):
    STICHTING = "stichting", _("Stichting")
    VERENIGING = "vereniging", _("Vereniging")
    COOPERATIE = "cooperatie", _("Coöperatie")
    BV = "bv", _("Besloten vennootschap (sociale onderneming)")
    INFORMEEL = "informeel", _("Informele groep bewoners")
    ANDERS = "anders", _("Anders")


class BijlageSoort(models.TextChoices):
    BIJLAGE = "bijlage", _("Bijlage")
    DRAAGVLAK = "draagvlak", _("Bewijs van draagvlak (handtekeningen, verslag)")


class Score(models.TextChoices):
    VOLDOET = "voldoet", _("Voldoet")
    DEELS = "deels", _("Voldoet deels")
    VOLDOET_NIET = "voldoet_niet", _("Voldoet niet")


class Besluit(models.TextChoices):
    TOEGELATEN = "toegelaten", _("Toegelaten")
    AFGEWEZEN = "afgewezen", _("Afgewezen")


class DocumentStatus(models.TextChoices):
    WACHTEN = "wachten", _("Wordt gemaakt")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")


class Meetfrequentie(models.TextChoices):
    MAAND = "maand", _("Elke maand")
    KWARTAAL = "kwartaal", _("Elk kwartaal")
    HALFJAAR = "halfjaar", _("Elk half jaar")
    JAAR = "jaar", _("Elk jaar")


#: The participatieverordening's usual criteria, seeded for every new gemeente.
STANDAARD_CRITERIA = [
    ("lokaal", _("Lokale taak die niet aan de overheid is voorbehouden")),
    ("geworteld", _("Geworteld in de buurt of wijk")),
    ("meerwaarde", _("Maatschappelijke meerwaarde")),
    ("uitvoerbaar", _("Aannemelijk dat het initiatief de taak kan uitvoeren")),
    ("draagvlak", _("Draagvlak in de buurt")),
    ("kosten", _("Kosten niet hoger dan nu")),
    ("kwaliteit", _("Kwaliteit gelijk of beter")),
    ("rechtspersoon", _("Rechtspersoon (of bereid er een op te richten)")),
    ("periode", _("Verbonden aan een vaste periode")),
]


class ReactiePlek(models.TextChoices):
    """Where a reaction was placed: on the published proposal or on the public page of the
    handed-over task."""

    VOORSTEL = "voorstel", _("Openbaar voorstel")
    TRAJECT = "traject", _("Openbare pagina van de taak")
