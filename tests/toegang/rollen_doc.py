"""Write the roles × pages table of ``tests/toegang/tabel.py`` as Markdown.

    python -m tests.toegang.rollen_doc > docs/rollen.md

``test_rollen_doc.py`` fails when docs/rollen.md is not the output of this script.
"""

from __future__ import annotations

import os
import re

import django

UITLEG = {
    "200": "200",
    "302": "302 →",
    "inlog": "→ inloggen",
    "403": "403",
    "404": "404",
    "405": "405",
    "401": "401",
}


def route_van(naam: str) -> str:
    from tests.toegang.test_toegangsmatrix import url_namen

    for n, route in url_namen():
        if n == naam:
            # A router's regular expressions read as the other routes: <name> for a group.
            route = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", route)
            return route.replace("^", "").replace("$", "")
    return "?"


def markdown() -> str:
    from tests.toegang.tabel import ROL_KOPPEN, ROLLEN, TABEL

    regels = [
        "# Rollen en pagina's",
        "",
        "Wat elke rol krijgt op elke pagina van het platform. Deze tabel is de tabel van de",
        "toegangstest (`tests/toegang/tabel.py`): de test vraagt elke pagina op als elke rol en",
        "vergelijkt het antwoord hiermee. Dit document wordt gemaakt met",
        "`python -m tests.toegang.rollen_doc > docs/rollen.md`; een test bewaakt dat het"
        " actueel is.",
        "",
        "De rollen zijn gezien vanuit één traject van gemeente A:",
        "",
        "- **anoniem**: niet ingelogd;",
        "- **ambtenaar (eigen gemeente)**: ambtenaar van gemeente A;",
        "- **ambtenaar (andere gemeente)**: ambtenaar van gemeente B;",
        "- **initiatiefnemer** en **partner**: met die rol op dit traject;",
        "- **initiatiefnemer / partner (ander traject)**: met die rol op een ander traject van"
        " gemeente A, niet op dit traject;",
        "- **beheerder (eigen gemeente)**: ambtenaar van gemeente A met de rol beheerder, alleen"
        " gevraagd op de pagina's waar die rol verschil maakt (`–`: niet apart gevraagd).",
        "",
        "Een account zonder enige rol (**buitenstaander**) krijgt op elke pagina wat iemand met"
        " een rol op een ander traject krijgt; de toegangstest vraagt ook dat op elke pagina.",
        "",
        "Een ambtenaar ontleent zijn rechten op de trajecten van een gemeente aan zijn "
        "lidmaatschap van die gemeente zelf, zolang zijn account actief is. Eindigt het "
        "lidmaatschap, op welke manier ook (in het beheer gewijzigd of verwijderd, ook met de "
        'actie "Geselecteerde lidmaatschappen verwijderen", of de gebruiker verwijderd), dan '
        "eindigen die rechten meteen: een **oud-ambtenaar** krijgt op elke pagina wat een "
        "ambtenaar van een andere gemeente krijgt (op de pagina's van de tweede stap, die voor "
        "medewerkers van elke gemeente zijn, wat een gewoon account krijgt). De gemeente van "
        "een traject ligt vast; wordt een traject toch in de database naar een andere "
        "gemeente verplaatst, dan krijgen de "
        "ambtenaren van die gemeente de rechten op zijn pagina's en die van de oude gemeente "
        "niet meer. De toegangstest controleert beide.",
        "",
        "Ambtenaren zijn hier ingelogd met hun wachtwoord én de tweede stap (een code uit een"
        " app); wie alleen het wachtwoord gaf, komt op geen pagina behalve inloggen, uitloggen,"
        " taal kiezen en het instellen van de tweede stap, en niet in `/beheer/`"
        " (`tests/accounts/test_tweestapsverificatie.py`).",
        "",
        "Antwoorden: `200` de pagina; `→ inloggen` doorgestuurd naar de inlogpagina; `302 →`"
        " doorgestuurd na een gelukte handeling (of naar de eigen startpagina); `403` geen"
        " toestemming voor deze handeling in deze rol; `404` niet gevonden (ook voor wie het"
        " traject niet mag zien: zo leert niemand wat er bij een ander bestaat); `405` methode"
        " niet toegestaan (bijvoorbeeld GET op een formulier dat alleen POST aanneemt); `401`"
        " (de API) geen token: de API kent geen sessies, dus ook een ingelogde gebruiker heeft"
        " een token van de gemeente nodig.",
        "",
        "De API voor de systemen van een gemeente per soort token (geen, verzonnen, ingetrokken,"
        " van de gemeente om te lezen of ook te schrijven, van een andere gemeente) staat in"
        " `tests/toegang/api_tabel.py` (`TOKENS`) en wordt getest in"
        " `tests/toegang/test_api_tokens.py`; zie ook `docs/api.md`.",
        "",
        "| pagina | methode | adres | "
        + " | ".join(ROL_KOPPEN[r] for r in ROLLEN)
        + " | beheerder (eigen gemeente) |",
        "|---|---|---|" + "---|" * (len(ROLLEN) + 1),
    ]
    for p in TABEL:
        cellen = [UITLEG.get(str(p.verwacht[r]), str(p.verwacht[r])) for r in ROLLEN]
        cellen.append(
            "–" if p.beheerder is None else UITLEG.get(str(p.beheerder), str(p.beheerder))
        )
        regels.append(
            f"| {p.omschrijving} | {p.methode} | `/{route_van(p.naam)}` | "
            + " | ".join(cellen)
            + " |"
        )
    regels.append("")
    return "\n".join(regels)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aanbesteden.settings.test")
    django.setup()
    print(markdown(), end="")


if __name__ == "__main__":
    main()
