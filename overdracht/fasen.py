"""What this phase adds to the traject state machine: requirements and follow-ups.

The traject page's agreement panel is in ``panelen``, the demo data in ``demo``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aanbesteden.fasen import fasen

from .constants import NAAR_EVALUATIE, VersieStatus
from .models import OvereenkomstVersie


# --- requirement for overdracht -> evaluatie --------------------------------------------------
@fasen.vereiste(
    NAAR_EVALUATIE,
    "overeenkomst_verzegeld",
    _(
        "De huidige versie van de overeenkomst is door iedereen ondertekend en door het "
        "platform verzegeld."
    ),
)
def overeenkomst_verzegeld(traject) -> bool:
    versie = (
        OvereenkomstVersie.objects.filter(traject_id=traject.pk)
        .exclude(status=VersieStatus.VERVANGEN)
        .first()
    )
    if versie is None or versie.status != VersieStatus.VERZEGELD:
        return False
    # Every signatory signed; none is left open or refused.
    return not versie.ondertekeningen.filter(getekend_op__isnull=True).exists()


# --- follow-ups -------------------------------------------------------------------------------
@fasen.na_transitie("naar_overdracht")
def overeenkomst_opstellen(*, traject, door, motivatie) -> None:
    from .services import versie_opstellen

    versie_opstellen(traject=traject, door=door)


@fasen.na_transitie("terug_naar_route")
@fasen.na_transitie("bijsturen")
def overeenkomst_vervangen(*, traject, door, motivatie) -> None:
    from .services import versie_vervangen

    versie_vervangen(traject=traject, reden=motivatie)
