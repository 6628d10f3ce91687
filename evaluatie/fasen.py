"""What this phase adds to the traject state machine: requirements and follow-ups.

The traject page's evaluation panel is in ``panelen``, the demo data in ``demo``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aanbesteden.fasen import fasen

from . import services
from .constants import Conclusie
from .models import Evaluatie, Exitplan, Verankering


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
