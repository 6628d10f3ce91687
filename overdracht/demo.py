"""Demo data of phase 4: the gemeente's standard clauses, and an agreement fixed, signed by
everybody and sealed. Demo code, not part of the running platform: imported only by
``manage.py seed_demo`` (``aanbesteden.demo.voorbereidingen_laden``)."""

from __future__ import annotations

from aanbesteden.fasen import fasen
from aanbesteden.models import Traject

from . import selectors
from .constants import VersieStatus
from .models import Clausule, OvereenkomstVersie
from .services import (
    OvereenkomstFout,
    ondertekening_tekenen,
    standaardclausules_aanmaken,
    versie_clausule_opslaan,
    versie_opstellen,
    versie_pdf_maken,
    versie_vaststellen,
    versie_verzegelen,
)


@fasen.demo("naar_overdracht")
def demo_clausules(*, traject, demo) -> None:
    standaardclausules_aanmaken(gemeente=traject.gemeente)


@fasen.demo("naar_evaluatie")
def demo_overeenkomst(*, traject, demo) -> None:
    demo_tekenen_en_verzegelen(traject=traject)


def demo_tekenen_en_verzegelen(*, traject: Traject) -> OvereenkomstVersie:
    """For the demo: fix the open version, render, let every signatory sign, and seal —
    synchronously (the demo runs in one transaction, so after-commit tasks come too late)."""
    versie = selectors.huidige_versie(traject=traject) or versie_opstellen(traject=traject)
    if versie.status == VersieStatus.CONCEPT:
        ondertekenaar = selectors.tekenbevoegde_ambtenaren(traject=traject).first()
        if ondertekenaar is None:
            raise OvereenkomstFout("No official of this gemeente may sign.")
        for bron in Clausule.objects.filter(gemeente=traject.gemeente, actief=True)[:3]:
            versie_clausule_opslaan(
                versie=versie, door=ondertekenaar, titel=bron.titel, tekst=bron.tekst, bron=bron
            )
        versie = versie_vaststellen(
            versie=versie, door=ondertekenaar, gemeente_ondertekenaar=ondertekenaar
        )
    versie_pdf_maken(versie_id=versie.pk)
    versie.refresh_from_db()
    for ondertekening in versie.ondertekeningen.select_related("ondertekenaar"):
        ondertekening_tekenen(
            ondertekening_id=ondertekening.pk,
            door=ondertekening.ondertekenaar,
            ip_adres="127.0.0.1",
            getypte_naam=ondertekening.naam,
            pdf_sha256=versie.pdf_sha256,
        )
    versie_verzegelen(versie_id=versie.pk, doorzetten=False)
    versie.refresh_from_db()
    return versie
