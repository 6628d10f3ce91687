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
