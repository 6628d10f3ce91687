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


#: The statement a signatory agrees to; stored with every signature, in the words shown.
INSTEMMINGSTEKST = _(
    "Ik heb de overeenkomst (versie %(nummer)s, SHA-256 %(sha)s) gelezen. Ik onderteken deze "
    "overeenkomst namens %(namens)s en ik ben bevoegd dat te doen. Ik weet dat deze "
    "elektronische handtekening net zo bindend is als een handtekening op papier."
)

#: How many times the PDF tasks retry before the failure is shown to the official.
PDF_POGINGEN = 3

#: Clauses every demo gemeente starts its library with (Dutch source texts).
STANDAARD_CLAUSULES = [
    (
        ClausuleSoort.BEHEER,
        "Beheer en onderhoud",
        "Het initiatief beheert en onderhoudt de in deze overeenkomst genoemde voorzieningen "
        "zorgvuldig en volgens de afgesproken kwaliteit. Gebreken die de veiligheid raken, meldt "
        "het initiatief binnen twee werkdagen aan de gemeente.",
    ),
    (
        ClausuleSoort.SAMENWERKING,
        "Samenwerking en overleg",
        "Partijen overleggen ten minste bij elk evaluatiemoment over de voortgang. Elke partij "
        "wijst een vaste contactpersoon aan en meldt wijzigingen daarin schriftelijk.",
    ),
    (
        ClausuleSoort.SUBSIDIE,
        "Subsidievoorwaarden",
        "De gemeente betaalt de tranches als subsidie volgens de Algemene subsidieverordening. "
        "Het initiatief legt na afloop van elk jaar verantwoording af over de besteding. Niet "
        "bestede middelen worden verrekend of terugbetaald.",
    ),
    (
        ClausuleSoort.ALGEMEEN,
        "Aansprakelijkheid en verzekering",
        "Het initiatief zorgt voor een passende aansprakelijkheidsverzekering voor de "
        "activiteiten uit deze overeenkomst. Vrijwilligers zijn verzekerd via de "
        "vrijwilligersverzekering van de gemeente.",
    ),
    (
        ClausuleSoort.ALGEMEEN,
        "Privacy",
        "Partijen verwerken persoonsgegevens alleen voor de uitvoering van deze overeenkomst en "
        "volgens de Algemene verordening gegevensbescherming (AVG).",
    ),
]

#: The transition the platform fires itself once the agreement is signed and sealed.
NAAR_EVALUATIE = "naar_evaluatie"
