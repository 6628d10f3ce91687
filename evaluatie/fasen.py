"""What this phase adds to the traject state machine (requirements, follow-ups, demo)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbesteden.constants import Rol, TrajectStatus
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


def _besloten(traject, conclusie: str) -> bool:
    """A decided evaluation with ``conclusie`` since the traject entered evaluatie."""
    return Evaluatie.objects.filter(
        moment__traject_id=traject.pk,
        conclusie=conclusie,
        besloten_op__isnull=False,
        besloten_op__gte=traject.status_sinds,
    ).exists()


# --- requirements -----------------------------------------------------------------------------
@fasen.vereiste(
    "bijsturen",
    "evaluatie_bijsturen",
    _("Een afgeronde evaluatie heeft als besluit: bijsturen."),
)
def besluit_bijsturen(traject) -> bool:
    return _besloten(traject, Conclusie.BIJSTUREN)


@fasen.vereiste(
    "verankeren",
    "evaluatie_verankeren",
    _("Een afgeronde evaluatie heeft als besluit: verankeren."),
)
def besluit_verankeren(traject) -> bool:
    return _besloten(traject, Conclusie.VERANKEREN)


@fasen.vereiste(
    "verankeren",
    "verankering_beschreven",
    _("Beschreven is hoe de taak wordt verankerd: in beleid, op de begroting of meerjarig."),
)
def verankering_beschreven(traject) -> bool:
    return Verankering.objects.filter(traject_id=traject.pk).exclude(omschrijving="").exists()


@fasen.vereiste(
    "beeindigen",
    "evaluatie_beeindigen",
    _("Een afgeronde evaluatie heeft als besluit: beëindigen."),
)
def besluit_beeindigen(traject) -> bool:
    return _besloten(traject, Conclusie.BEEINDIGEN)


@fasen.vereiste(
    "beeindigen",
    "exitplan_compleet",
    _(
        "Het exitplan is compleet: sleutels, bezittingen en gegevens zijn terug en het geld "
        "is afgerekend."
    ),
)
def exitplan_compleet(traject) -> bool:
    exitplan = Exitplan.objects.filter(traject_id=traject.pk).first()
    return exitplan is not None and exitplan.compleet


# --- follow-ups -------------------------------------------------------------------------------
@fasen.na_transitie("naar_evaluatie")
def evaluatiemomenten_plannen(*, traject, door, motivatie) -> None:
    services.momenten_plannen(traject=traject)


@fasen.na_transitie("verankeren")
@fasen.na_transitie("beeindigen")
@fasen.na_transitie("intrekken")
def evaluatiemomenten_laten_vervallen(*, traject, door, motivatie) -> None:
    services.momenten_laten_vervallen(traject=traject)


# --- the traject page -------------------------------------------------------------------------
TONEN_IN = frozenset({TrajectStatus.EVALUATIE, TrajectStatus.VERANKERD, TrajectStatus.BEEINDIGD})


def paneel_context(request, traject, rollen) -> dict | None:
    from .grafieken import indicator_grafieken

    if traject.status not in TONEN_IN:
        return None
    momenten = list(selectors.momenten(traject=traject))
    return {
        "traject": traject,
        "momenten": momenten,
        "volgend": next((m for m in momenten if m.status == MomentStatus.GEPLAND), None),
        "grafieken": indicator_grafieken(traject=traject, dag=services.vandaag()),
        "is_ambtenaar": Rol.AMBTENAAR in rollen,
        "verankering": Verankering.objects.filter(traject=traject).first(),
    }


fasen.paneel("evaluatie", "evaluatie/_paneel.html", paneel_context, volgorde=50)


# --- demo -------------------------------------------------------------------------------------
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
