"""Reads of phase 4, one module per concern:

- ``inhoud``: the agreement's content drawn from the traject (always Dutch), its default term,
  first evaluation, the version's own texts and the hash of it all;
- ``ondertekenaars``: the name a signatory signs with and the identity the gemeente asks;
- ``versies``: which versions exist, the current one, who may see one, who may sign, the clause
  library, and the public check of a sealed PDF;
- ``verschillen``: what changed between two versions.

Everything is re-exported here, so ``from overdracht import selectors`` and
``selectors.huidige_versie(...)`` keep working.
"""

from .inhoud import (
    datum_tekst,
    eerste_evaluatie,
    euro,
    inhoud_sha256,
    overeenkomst_gegevens,
    standaard_looptijd,
    versie_teksten,
)
from .ondertekenaars import aanbieder_voor, is_een_naam, ondertekenaar_naam, vereist_middel
from .verschillen import SECTIE_LABELS, versie_verschillen, volledige_inhoud
from .versies import (
    clausules_van_gemeente,
    controle_url,
    eigen_ondertekeningen,
    huidige_versie,
    is_ondertekenaar,
    mag_versie_zien,
    tekenbevoegde_ambtenaren,
    versie_get,
    versie_voor_sha256,
    versies_van_traject,
    vorige_versie,
)

__all__ = [
    "SECTIE_LABELS",
    "aanbieder_voor",
    "clausules_van_gemeente",
    "controle_url",
    "datum_tekst",
    "eerste_evaluatie",
    "eigen_ondertekeningen",
    "euro",
    "huidige_versie",
    "inhoud_sha256",
    "is_een_naam",
    "is_ondertekenaar",
    "mag_versie_zien",
    "ondertekenaar_naam",
    "overeenkomst_gegevens",
    "standaard_looptijd",
    "tekenbevoegde_ambtenaren",
    "vereist_middel",
    "versie_get",
    "versie_teksten",
    "versie_verschillen",
    "versie_voor_sha256",
    "versies_van_traject",
    "volledige_inhoud",
    "vorige_versie",
]
