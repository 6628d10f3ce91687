"""Writes of the intake and phase 1, one module per concern: ``opgaven`` (calls),
``voorstellen`` (proposals, attachments, submitting), ``steun`` (support), ``beoordeling``
(criteria, assessment, decision and its letter), ``horizon`` and ``reacties`` (reactions on
public pages); ``fouten`` holds ``IntakeFout``. The package re-exports their public names, so
``from initiatieven import services; services.x(...)`` names the function wherever it lives."""

from .beoordeling import (
    BEZWAAR_WEKEN,
    beoordeling_opslaan,
    besluit_vastleggen,
    besluitbrief_inplannen,
    besluitbrief_mislukt,
    besluitbrief_opnieuw,
    besluitbrief_renderen,
    besluiten_over_voorstel,
    concurrenten_melden,
    criteria_opslaan,
    standaardcriteria_aanmaken,
)
from .fouten import IntakeFout
from .horizon import horizon_akkoord_geven, horizon_inhoud, horizon_opslaan
from .opgaven import opgave_opslaan, opgave_publiceren, opgave_sluiten
from .reacties import reactie_bevestigen, reactie_melden, reactie_plaatsen, reactie_verbergen
from .steun import openbare_steun_geven, steun_bevestigen, steun_intrekken, steun_vragen
from .voorstellen import (
    bijlage_toevoegen,
    bijlage_verwijderen,
    voorstel_bij_traject,
    voorstel_ingediend,
    voorstel_openbaar_zetten,
    voorstel_opslaan,
    voorstel_starten,
)

__all__ = [
    "BEZWAAR_WEKEN",
    "IntakeFout",
    "beoordeling_opslaan",
    "besluit_vastleggen",
    "besluitbrief_inplannen",
    "besluitbrief_mislukt",
    "besluitbrief_opnieuw",
    "besluitbrief_renderen",
    "besluiten_over_voorstel",
    "bijlage_toevoegen",
    "bijlage_verwijderen",
    "concurrenten_melden",
    "criteria_opslaan",
    "horizon_akkoord_geven",
    "horizon_inhoud",
    "horizon_opslaan",
    "openbare_steun_geven",
    "opgave_opslaan",
    "opgave_publiceren",
    "opgave_sluiten",
    "reactie_bevestigen",
    "reactie_melden",
    "reactie_plaatsen",
    "reactie_verbergen",
    "standaardcriteria_aanmaken",
    "steun_bevestigen",
    "steun_intrekken",
    "steun_vragen",
    "voorstel_bij_traject",
    "voorstel_ingediend",
    "voorstel_openbaar_zetten",
    "voorstel_opslaan",
    "voorstel_starten",
]
