"""The personal data of phase 5, for the register in ``aanbesteden.persoonsgegevens``: the
links to whoever decided an evaluation or filled in a party's contribution. What the
contributions say is about the task and stays, as part of the gemeente's evaluation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aanbesteden.persoonsgegevens import LOSGEKOPPELD, LOSKOPPELEN, register

from .models import Evaluatie, EvaluatieBijdrage

register.gegevens(
    Evaluatie,
    "evaluatiebesluiten",
    titel=_("Besluiten over evaluaties die u nam"),
    rijen=lambda p: Evaluatie.objects.filter(besloten_door=p.gebruiker),
    export=("moment__traject__titel", "moment__gepland_op", "conclusie", "besloten_op"),
    wissen={"besloten_door": LOSKOPPELEN},
    gewist=LOSGEKOPPELD,
)

register.gegevens(
    EvaluatieBijdrage,
    "evaluatiebijdragen",
    titel=_("Bijdragen aan evaluaties die u invulde"),
    rijen=lambda p: EvaluatieBijdrage.objects.filter(ingevuld_door=p.gebruiker),
    export=(
        "evaluatie__moment__traject__titel",
        "partij_soort",
        "wat_ging_goed",
        "wat_kan_beter",
        "ingediend_op",
    ),
    wissen={"ingevuld_door": LOSKOPPELEN},
    gewist=LOSGEKOPPELD,
)
