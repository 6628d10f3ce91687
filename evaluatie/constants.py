from django.db import models
from django.utils.translation import gettext_lazy as _


class MomentStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    AFGEROND = "afgerond", _("Afgerond")
    VERVALLEN = "vervallen", _("Vervallen")


class HerinneringSoort(models.TextChoices):
    VEERTIEN_DAGEN = "14d", _("14 dagen vooraf")
    EEN_DAG = "1d", _("1 dag vooraf")
    VANDAAG = "0d", _("Op de dag zelf")
    ESCALATIE = "escalatie", _("Te laat: melding aan de gemeente")


class Conclusie(models.TextChoices):
    DOORGAAN = "doorgaan", _("Doorgaan")
    BIJSTUREN = "bijsturen", _("Bijsturen")
    VERANKEREN = "verankeren", _("Verankeren")
    BEEINDIGEN = "beeindigen", _("Beëindigen")


class VerankeringWijze(models.TextChoices):
    BELEID = "beleid", _("Opgenomen in beleid")
    BEGROTING = "begroting", _("Vaste post op de begroting")
    MEERJARIG = "meerjarig", _("Meerjarige overeenkomst")


class Voortgang(models.TextChoices):
    """Red/amber/green status of an indicator against the progress expected by now."""

    GROEN = "groen", _("Op koers")
    ORANJE = "oranje", _("Let op: iets achter")
    ROOD = "rood", _("Achter op schema")
    ONBEKEND = "onbekend", _("Nog geen meting")


#: Days ahead of a moment at which a reminder goes out, by kind (escalation is after the day).
HERINNERING_DAGEN_VOORAF = {
    HerinneringSoort.VEERTIEN_DAGEN: 14,
    HerinneringSoort.EEN_DAG: 1,
    HerinneringSoort.VANDAAG: 0,
}

#: How many days after its escalation day an overdue moment still gets one (catch-up when the
#: scan did not run for a while). Keeps the scan's date window, and so its cost, bounded.
ESCALATIE_INHAALDAGEN = 30
