"""Demo data of phase 5: evaluation moments for the reminder scan, a finished evaluation to
chart, and the decisions with anchoring or exit plan. Demo code, not part of the running
platform: imported only by ``manage.py seed_demo``
(``aanbesteden.demo.voorbereidingen_laden``)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from aanbesteden.fasen import fasen

from . import selectors, services
from .constants import Conclusie, MomentStatus, VerankeringWijze
from .models import (
    Besteding,
    Evaluatie,
    EvaluatieBijdrage,
    Evaluatiemoment,
    Exitplan,
    Meting,
    Verankering,
)


@fasen.demo("naar_evaluatie")
def demo_momenten(*, traject, demo) -> None:
    """Extra moments so a first reminder scan has work: one 14 days ahead, one today, one
    overdue beyond the escalation days; and one finished evaluation to chart."""
    if Evaluatiemoment.objects.filter(traject=traject, extra=True).exists():
        return
    dag = services.vandaag()
    escalatie = selectors.escalatie_dagen()
    for dagen in (14, 0, -(escalatie + 2)):
        Evaluatiemoment.objects.create(
            traject=traject, gepland_op=dag + datetime.timedelta(days=dagen), extra=True
        )
    eerder = Evaluatiemoment.objects.create(
        traject=traject,
        gepland_op=dag - datetime.timedelta(days=90),
        extra=True,
        status=MomentStatus.AFGEROND,
        afgerond_op=timezone.now(),
    )
    _demo_evaluatie(
        moment=eerder, demo=demo, conclusie=Conclusie.DOORGAAN, factor=Decimal("0.3"), dagen=-90
    )


def _demo_evaluatie(*, moment, demo, conclusie: str, factor: Decimal, dagen: int = 0):
    traject = moment.traject
    evaluatie = Evaluatie.objects.create(
        moment=moment,
        visie_gemeente="De gemeente ziet dat de buurt de taak goed oppakt en wil verder.",
        conclusie=conclusie,
        toelichting="Besproken met alle partijen in het buurthuis.",
        besloten_op=timezone.now(),
        besloten_door=demo.ambtenaar,
    )
    partijen = [(None, demo.initiatiefnemer)] + [
        (p, p.gebruiker) for p in selectors.bevestigde_partners(traject=traject)
    ]
    gemeten_op = services.vandaag() + datetime.timedelta(days=dagen)
    for nummer, (partner, gebruiker) in enumerate(partijen):
        bijdrage = EvaluatieBijdrage.objects.create(
            evaluatie=evaluatie,
            partij_soort="partner" if partner else "initiatief",
            partner=partner,
            ingevuld_door=gebruiker,
            wat_ging_goed="Veel vrijwilligers uit de buurt doen mee.",
            wat_kan_beter="De planning van de activiteiten kan strakker.",
            ingediend_op=timezone.now(),
        )
        if nummer == 0:
            for indicator in selectors.indicatoren(traject=traject):
                doel = indicator.streefwaarde or indicator.nulwaarde
                waarde = indicator.nulwaarde + (doel - indicator.nulwaarde) * factor
                Meting.objects.create(
                    bijdrage=bijdrage,
                    indicator=indicator,
                    waarde=waarde.quantize(Decimal("0.01")),
                    bron="Eigen registratie van het initiatief",
                    gemeten_op=gemeten_op,
                )
            for tranche in selectors.tranches(traject=traject):
                Besteding.objects.create(
                    bijdrage=bijdrage,
                    tranche=tranche,
                    bedrag=(tranche.bedrag * factor).quantize(Decimal("0.01")),
                    toelichting="Volgens de begroting besteed.",
                )
    return evaluatie


def _demo_besluit(traject, demo, conclusie: str) -> None:
    moment = selectors.volgend_moment(traject=traject)
    if moment is None:
        moment = Evaluatiemoment.objects.create(traject=traject, gepland_op=services.vandaag())
    _demo_evaluatie(moment=moment, demo=demo, conclusie=conclusie, factor=Decimal("0.9"))
    moment.status = MomentStatus.AFGEROND
    moment.afgerond_op = timezone.now()
    moment.save(update_fields=["status", "afgerond_op"])


@fasen.demo("verankeren")
def demo_verankeren(*, traject, demo) -> None:
    _demo_besluit(traject, demo, Conclusie.VERANKEREN)
    Verankering.objects.update_or_create(
        traject=traject,
        defaults={
            "wijze": VerankeringWijze.BEGROTING,
            "omschrijving": "Buurtpreventie staat vanaf volgend jaar als vaste post op de "
            "begroting van de gemeente, met een jaarlijkse bijdrage aan de stichting.",
            "ingangsdatum": services.vandaag() + datetime.timedelta(days=30),
        },
    )


@fasen.demo("beeindigen")
def demo_beeindigen(*, traject, demo) -> None:
    _demo_besluit(traject, demo, Conclusie.BEEINDIGEN)
    Exitplan.objects.update_or_create(
        traject=traject,
        defaults={
            "sleutels_terug": True,
            "bezittingen_terug": True,
            "gegevens_terug": True,
            "afrekening_gedaan": True,
            "afrekening_toelichting": "Het niet bestede deel van de subsidie is terugbetaald.",
            "overdracht_taak": "De gemeente zoekt samen met het buurthuis een nieuwe beheerder.",
            "afgerond_op": timezone.now(),
        },
    )
