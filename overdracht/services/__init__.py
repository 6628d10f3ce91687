"""Writes of phase 4, one module per concern:

- ``clausules``: the gemeente's clause library;
- ``versies``: drawing up an agreement version, its texts and clauses, fixing it, superseding it;
- ``pdf``: rendering the PDF, making it once in the background, a failure, trying again;
- ``ondertekening``: signing and refusing to sign;
- ``verzegelen``: sealing the signed PDF and the step on to evaluatie;
- ``fouten``: ``OvereenkomstFout``, the one error they raise.

Everything is re-exported here, so ``from overdracht import services`` and
``services.versie_vaststellen(...)`` keep working (the Celery tasks call them so). A test that
replaces a function does so in the module that looks it up (``services.pdf.versie_pdf_renderen``).
"""

from .clausules import clausule_opslaan, standaardclausules_aanmaken
from .fouten import OvereenkomstFout
from .ondertekening import instemmingstekst, ondertekening_tekenen, ondertekening_weigeren
from .pdf import (
    versie_html,
    versie_pdf_maken,
    versie_pdf_mislukt,
    versie_pdf_opnieuw,
    versie_pdf_renderen,
)
from .versies import (
    STANDAARD_EXITPLAN,
    STANDAARD_TAAK_GEMEENTE,
    TEKST_MAX,
    versie_clausule_opslaan,
    versie_clausule_verwijderen,
    versie_opstellen,
    versie_vaststellen,
    versie_vervangen,
    versie_wijzigen,
)
from .verzegelen import versie_verzegelen

__all__ = [
    "STANDAARD_EXITPLAN",
    "STANDAARD_TAAK_GEMEENTE",
    "TEKST_MAX",
    "OvereenkomstFout",
    "clausule_opslaan",
    "instemmingstekst",
    "ondertekening_tekenen",
    "ondertekening_weigeren",
    "standaardclausules_aanmaken",
    "versie_clausule_opslaan",
    "versie_clausule_verwijderen",
    "versie_html",
    "versie_opstellen",
    "versie_pdf_maken",
    "versie_pdf_mislukt",
    "versie_pdf_opnieuw",
    "versie_pdf_renderen",
    "versie_vaststellen",
    "versie_vervangen",
    "versie_verzegelen",
    "versie_wijzigen",
]
