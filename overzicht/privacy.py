"""The overviews' personal data (the archive dossiers), for the register in
``aanbesteden.persoonsgegevens``."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aanbesteden.persoonsgegevens import LOSKOPPELEN, register

from .models import Dossier

register.gegevens(
    Dossier,
    "archiefdossiers",
    titel=_("Archiefdossiers van uw trajecten"),
    rijen=lambda p: Dossier.objects.filter(
        Q(aangevraagd_door=p.gebruiker) | Q(traject__in=register.betrokken_trajecten(p))
    ),
    export=("traject__titel", "status", "created_at", "klaar_op"),
    wissen={"aangevraagd_door": LOSKOPPELEN},
    bewaren=lambda rijen, p: rijen,
    bewaard_wissen={"aangevraagd_door": LOSKOPPELEN},
    blijft={
        "bestand": _(
            "Het archiefdossier van de gemeente: de gemeente bewaart het volgens de Archiefwet."
        )
    },
    bewaard=_(
        "Archiefdossiers die de gemeente al heeft gemaakt. De gemeente bewaart die volgens "
        "de Archiefwet."
    ),
)
