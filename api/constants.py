from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    """What an application token may do. Both only ever reach the token's own gemeente."""

    LEZEN = "lezen", _("Lezen")
    LEZEN_SCHRIJVEN = "lezen_schrijven", _("Lezen en schrijven (webhooks beheren)")


class LeveringStatus(models.TextChoices):
    WACHTEND = "wachtend", _("Wachtend")
    GELEVERD = "geleverd", _("Geleverd")
    MISLUKT = "mislukt", _("Mislukt")


#: The event a phase change is delivered as.
GEBEURTENIS_FASEWISSELING = "traject.fasewisseling"
