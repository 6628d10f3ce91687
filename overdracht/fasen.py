"""What this phase adds to the traject state machine (requirements, follow-ups, demo)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aanbesteden.constants import Rol, TrajectStatus
from aanbesteden.fasen import fasen

from .constants import VersieStatus
from .models import OvereenkomstVersie


# --- requirement for overdracht -> evaluatie --------------------------------------------------
@fasen.vereiste(
    "naar_evaluatie",
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


# --- demo -------------------------------------------------------------------------------------
@fasen.demo("naar_overdracht")
def demo_clausules(*, traject, demo) -> None:
    from .services import standaardclausules_aanmaken

    standaardclausules_aanmaken(gemeente=traject.gemeente)


@fasen.demo("naar_evaluatie")
def demo_overeenkomst(*, traject, demo) -> None:
    from .services import demo_tekenen_en_verzegelen

    demo_tekenen_en_verzegelen(traject=traject)


# --- the traject page -------------------------------------------------------------------------
def paneel_context(request, traject, rollen) -> dict | None:
    from . import selectors

    versies = list(selectors.versies_van_traject(traject=traject))
    if not versies:
        if traject.status == TrajectStatus.OVERDRACHT and Rol.AMBTENAAR in rollen:
            return {"traject": traject, "opstellen": True, "versies": [], "huidige": None}
        return None
    user = request.user
    zichtbaar = [v for v in versies if selectors.mag_versie_zien(user, v, rollen)]
    huidige = next((v for v in versies if v.status != VersieStatus.VERVANGEN), None)
    if not zichtbaar:
        return None
    eigen = []
    if huidige is not None and huidige in zichtbaar and traject.status == TrajectStatus.OVERDRACHT:
        eigen = [
            o
            for o in selectors.eigen_ondertekeningen(user, huidige)
            if o.getekend_op is None and o.geweigerd_op is None
        ]
    return {
        "traject": traject,
        "huidige": huidige if huidige in zichtbaar else None,
        "versies": zichtbaar,
        "ambtenaar": Rol.AMBTENAAR in rollen,
        "te_tekenen": eigen,
    }


fasen.paneel("overeenkomst", "overdracht/_paneel.html", paneel_context, volgorde=40)
