"""axe-core on every HTML page of the access table, opened in the browser by a role that may
see it, with the traject in the page's phase; and every link, button and field on it shows a
visible focus when the keyboard reaches it. A page added to ``tests/toegang/tabel.py`` is
checked here too."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from aanbesteden.models import Traject
from tests.e2e.stappen import Bezoeker
from tests.e2e.toegankelijkheid import zonder_zichtbare_focus
from tests.factories import GemeenteFactory, TrajectFactory, UserFactory, ambtenaar_van, partner_van
from tests.toegang import api_tabel, fasen_tabel
from tests.toegang.basis import KERN, Pagina, Wereld
from tests.tweestaps import Client

KANDIDATEN = ("ambtenaar", "initiatiefnemer", "partner", "anoniem")

#: Pages that share one world (their builders fit together on one traject).
GROEPEN = {
    "kern-en-overzicht": [*KERN, *fasen_tabel.OVERZICHT],
    "intake-en-horizon": fasen_tabel.INITIATIEVEN,
    "coalitie-route-overdracht-evaluatie": [
        *fasen_tabel.COALITIES,
        *fasen_tabel.OVERDRACHT,
        *fasen_tabel.EVALUATIE,
    ],
    # The API answers JSON; its documentation page is its one HTML page.
    "api": [p for p in api_tabel.API if p.naam == "api:docs"],
}


def te_bekijken(paginas: list[Pagina]) -> list[tuple[Pagina, str]]:
    uit = []
    for p in paginas:
        if p.methode != "GET":
            continue
        rol = next((r for r in KANDIDATEN if p.verwacht[r] == 200), None)
        if rol:
            uit.append((p, rol))
    return uit


@pytest.fixture
def wereld_e2e(e2e_db):
    gemeente = GemeenteFactory(naam="Gemeente A", slug="gemeente-a", cbs_code="GM0001")
    andere = GemeenteFactory(naam="Gemeente B", slug="gemeente-b", cbs_code="GM0002")
    ambtenaar = ambtenaar_van(gemeente, email="ambtenaar@a.example.org")
    ambtenaar_b = ambtenaar_van(andere, email="ambtenaar@b.example.org")
    ini = UserFactory(email="initiatief@example.org")
    traject = TrajectFactory(gemeente=gemeente, initiatiefnemer=ini, titel="Buurtpark")
    partner = partner_van(traject, email="partner@example.org")
    rollen = {
        "anoniem": None,
        "ambtenaar": ambtenaar,
        "ambtenaar_andere_gemeente": ambtenaar_b,
        "initiatiefnemer": ini,
        "partner": partner,
    }
    return Wereld(
        rollen=rollen,
        traject=traject,
        gemeente=gemeente,
        andere_gemeente=andere,
        **{k: v for k, v in rollen.items() if v is not None},
    )


@pytest.mark.parametrize("groep", list(GROEPEN))
def test_elke_pagina_zonder_schendingen(wereld_e2e, live_server, nieuwe_context, axe_bron, groep):
    w = wereld_e2e
    bezoekers: dict[str, Bezoeker] = {}
    overgeslagen = []
    focus_fouten: list[str] = []
    for pagina, rol in te_bekijken(GROEPEN[groep]):
        pad = reverse(pagina.naam, kwargs=pagina.kwargs(w))
        if pagina.query:
            pad += "?" + urlencode(pagina.query(w))
        if pagina.status:
            Traject.objects.filter(pk=w.traject.pk).update(status=pagina.status)
        if rol not in bezoekers:
            b = Bezoeker(nieuwe_context(), live_server.url, axe_bron)
            if w.rollen[rol] is not None:
                client = Client()
                client.force_login(w.rollen[rol])
                b.context.add_cookies(
                    [
                        {
                            "name": "sessionid",
                            "value": client.cookies["sessionid"].value,
                            "url": live_server.url,
                        }
                    ]
                )
            bezoekers[rol] = b
        b = bezoekers[rol]
        response = b.page.request.get(live_server.url + pad)
        soort = response.headers.get("content-type", "")
        if not soort.startswith("text/html"):
            overgeslagen.append(f"{pad} ({soort})")
            continue
        b.ga_naar(pad)
        for html in zonder_zichtbare_focus(b.page):
            focus_fouten.append(f"{pad}: {html}")
    bezocht = sorted({pad for b in bezoekers.values() for pad in b.bezocht})
    print(f"{groep}: axe-core on {len(bezocht)} pages; not HTML: {overgeslagen}")
    assert len(bezocht) >= len(te_bekijken(GROEPEN[groep])) - len(overgeslagen)
    fouten = [f for b in bezoekers.values() for f in b.fouten]
    if focus_fouten:
        fouten.append("no visible keyboard focus on:\n  " + "\n  ".join(focus_fouten))
    assert not fouten, "\n\n".join(fouten)
