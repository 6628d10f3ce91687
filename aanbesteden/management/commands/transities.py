"""``manage.py transities``: the whole state machine of a traject, as it runs.

Per transition, in the order of the journey: its row of ``aanbesteden.transities`` and what the
phase apps registered on it in ``aanbesteden.fasen`` (requirements in the order they are
checked, follow-ups in the order they run, whether an app sends its own message).
``docs/transities.md`` is its output; ``tests/aanbesteden/test_transities_doc.py`` keeps it so.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from aanbesteden.fasen import FasenRegister, dotted_naam, fasen
from aanbesteden.transities import TABEL, Transitie

KOP = """\
# De toestandsmachine van een traject

Dit document is de uitvoer van `python manage.py transities > docs/transities.md`; een test
(`tests/aanbesteden/test_transities_doc.py`) bewaakt dat het actueel is. De feiten van elke
transitie (van, naar, rollen, label, motivatie, richting) staan in één tabel:
`aanbesteden/transities.py`. Wat de fase-apps erop aansluiten, registreren ze in hun eigen
`fasen.py` bij `aanbesteden.fasen.fasen`.

Elke stap gaat door `aanbesteden.services.traject_transitie`, in deze volgorde:

1. de stap staat in de tabel, met een motivatie als de tabel die vraagt;
2. de rij van het traject wordt vergrendeld; een verouderde kopie (andere status, andere
   gemeente) wordt geweigerd;
3. de stap vertrekt uit de huidige status en wie hem zet heeft een van de rollen;
4. elke vereiste hieronder is vervuld (alle onvervulde worden genoemd);
5. de overgang zelf, opgeslagen en gelogd door django-fsm-log (wie, wanneer, van, naar,
   motivatie);
6. de gevolgen hieronder, in deze volgorde, in dezelfde databasetransactie;
7. de algemene melding "nieuwe fase" aan iedereen die betrokken is (na de commit), behalve
   als een fase-app voor deze stap een eigen melding stuurt.
"""


def _ja_nee(waarde: bool) -> str:
    return "ja" if waarde else "nee"


def transitie_beschrijven(t: Transitie, nummer: int, register: FasenRegister) -> list[str]:
    regels = [
        f"## {nummer}. `{t.naam}`: {t.label}",
        "",
        f"- van → naar: {', '.join(f'`{s}`' for s in t.van)} → `{t.naar}`",
        f"- rollen: {', '.join(f'`{r}`' for r in t.rollen)}",
        f"- richting: {t.richting}",
        f"- motivatie verplicht: {_ja_nee(t.motivatie_verplicht)}",
    ]
    if t.terugreden is not None:
        regels.append(f"- zo heet de stap terug bij wat hij ongedaan maakt: {t.terugreden}")
    vereisten = register.vereisten(t.naam)
    if vereisten:
        regels.append("- vereisten, in de volgorde waarin ze worden gecontroleerd:")
        for i, v in enumerate(vereisten, start=1):
            regels.append(f"  {i}. `{v.code}` ({dotted_naam(v.controle)}): {v.bericht}")
    else:
        regels.append("- vereisten: geen")
    gevolgen = register.gevolgen(t.naam)
    if gevolgen:
        regels.append("- gevolgen, in de volgorde waarin ze lopen:")
        for i, gevolg in enumerate(gevolgen, start=1):
            regels.append(f"  {i}. `{dotted_naam(gevolg)}`")
    else:
        regels.append("- gevolgen: geen")
    if register.heeft_eigen_melding(t.naam):
        regels.append("- melding: een fase-app stuurt een eigen melding (niet de algemene)")
    else:
        regels.append('- melding: de algemene melding "nieuwe fase"')
    return regels


def machine_beschrijven(register: FasenRegister = fasen) -> str:
    """The whole machine as Markdown (in Dutch, the platform's source language)."""
    with translation.override(settings.LANGUAGE_CODE):
        regels = [KOP.rstrip("\n")]
        for nummer, t in enumerate(TABEL, start=1):
            regels += ["", *transitie_beschrijven(t, nummer, register)]
    return "\n".join(regels) + "\n"


class Command(BaseCommand):
    help = (
        "Toont elke transitie van een traject: van en naar, rollen, label, motivatie, richting, "
        "en de geregistreerde vereisten en gevolgen in de volgorde waarin ze lopen."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(machine_beschrijven(), ending="")
