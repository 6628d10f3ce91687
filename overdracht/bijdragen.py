"""What this phase contributes to the overviews (``aanbesteden.bijdragen``): agreements
waiting for a signature (dashboard and my page), since when a task is handed over (public
register) and the agreement's versions, signatures and PDFs (archive dossier)."""

from __future__ import annotations

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from aanbesteden.bijdragen import bijdragen
from aanbesteden.constants import PartijSoort

from .constants import VersieStatus
from .models import Ondertekening, OvereenkomstVersie, VersieClausule

# --- the officials' dashboard and my page -----------------------------------------------------


def handtekeningen_gemeente(gemeente, peil):
    """Signatures for the gemeente still open on a current (not superseded) version."""
    return (
        Ondertekening.objects.filter(
            versie__traject__gemeente=gemeente,
            partij_soort=PartijSoort.GEMEENTE,
            getekend_op__isnull=True,
            geweigerd_op__isnull=True,
        )
        .exclude(versie__status=VersieStatus.VERVANGEN)
        .select_related("versie__traject")
        .order_by("versie__created_at", "pk")
    )


def handtekeningen_deelnemer(deelnemer):
    return (
        Ondertekening.objects.filter(
            ondertekenaar=deelnemer.gebruiker, getekend_op__isnull=True, geweigerd_op__isnull=True
        )
        .exclude(versie__status=VersieStatus.VERVANGEN)
        .select_related("versie__traject")
    )


bijdragen.dashboard_taak(
    "tekenen",
    titel=_("Overeenkomsten die wachten op de handtekening van de gemeente"),
    template="overdracht/overzicht/_taak_tekenen_gemeente.html",
    rijen=handtekeningen_gemeente,
    volgorde=40,
)
bijdragen.mijn_taak(
    "tekenen",
    titel=_("De overeenkomst ondertekenen"),
    template="overdracht/overzicht/_taak_tekenen.html",
    rijen=handtekeningen_deelnemer,
    volgorde=30,
)

# --- the public register and its open data ----------------------------------------------------


def _register_voorbereiden(qs):
    sinds = (
        OvereenkomstVersie.objects.filter(traject=OuterRef("pk"))
        .exclude(status=VersieStatus.VERVANGEN)
        .order_by("-nummer")
        .values("startdatum")[:1]
    )
    return qs.annotate(sinds=Subquery(sinds))


bijdragen.register_kolom(
    "overeenkomst",
    voorbereiden=_register_voorbereiden,
    waarden=lambda t: {"sinds": t.sinds.isoformat() if t.sinds else None},
    volgorde=30,
)

# --- the archive dossier -------------------------------------------------------------------------

for _label, _rijen in (
    ("overdracht.overeenkomstversie", lambda t: OvereenkomstVersie.objects.filter(traject=t)),
    ("overdracht.versieclausule", lambda t: VersieClausule.objects.filter(versie__traject=t)),
    ("overdracht.ondertekening", lambda t: Ondertekening.objects.filter(versie__traject=t)),
):
    bijdragen.dossier_gegevens(_label, rijen=_rijen, volgorde=30)


def overeenkomst_bestanden(traject) -> list:
    """Every version's PDF, and the sealed PDF where there is one."""
    bestanden = []
    for versie in OvereenkomstVersie.objects.filter(traject=traject).order_by("nummer"):
        if versie.pdf:
            bestanden.append((f"overeenkomst/versie-{versie.nummer}.pdf", versie.pdf))
        if versie.verzegeld_pdf:
            bestanden.append(
                (f"overeenkomst/versie-{versie.nummer}-verzegeld.pdf", versie.verzegeld_pdf)
            )
    return bestanden


bijdragen.dossier_bestanden("overeenkomst", bestanden=overeenkomst_bestanden, volgorde=20)

# --- the public page of a handed-over task -----------------------------------------------------


def openbare_overeenkomst(traject) -> dict | None:
    """The signed agreement without personal data: its terms and clauses, and which parties
    signed when (not who signed, nor the PDF, which carries the names)."""
    versie = (
        OvereenkomstVersie.objects.filter(
            traject=traject, status__in=[VersieStatus.ONDERTEKEND, VersieStatus.VERZEGELD]
        )
        .only(
            "nummer",
            "status",
            "startdatum",
            "looptijd_maanden",
            "evaluatie_frequentie",
            "taak_gemeente",
            "exitplan",
            "verzegeld_op",
            "verzegeld_sha256",
        )
        .order_by("-nummer")
        .first()
    )
    if versie is None:
        return None
    return {
        "versie": versie,
        "clausules": list(
            VersieClausule.objects.filter(versie=versie)
            .only("titel", "tekst", "volgorde")
            .order_by("volgorde", "pk")
        ),
        "getekend": [
            {"partij": PartijSoort(o["partij_soort"]).label, "op": o["getekend_op"]}
            for o in Ondertekening.objects.filter(versie=versie, getekend_op__isnull=False)
            .order_by("getekend_op", "pk")
            .values("partij_soort", "getekend_op")
        ],
    }


bijdragen.openbare_sectie(
    "overeenkomst",
    template="overdracht/overzicht/_openbaar_overeenkomst.html",
    gegevens=openbare_overeenkomst,
    volgorde=40,
)
