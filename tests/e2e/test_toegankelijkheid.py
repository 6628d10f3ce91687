"""axe-core (WCAG 2.1 A/AA) on the public pages and the error pages (also 429), in Dutch and
English."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse

from aanbesteden import views
from tests.e2e.stappen import Bezoeker
from tests.e2e.toegankelijkheid import (
    axe_schendingen,
    schendingen_tekst,
    zonder_zichtbare_focus,
)
from tests.factories import GemeenteFactory, ambtenaar_van

#: Public pages (no log-in needed): (path maker, expected status).
PUBLIEK = [
    (lambda g: reverse("overzicht:home"), 200),
    (lambda g: reverse("initiatieven:gemeente", kwargs={"gemeente": g.slug}), 200),
    (lambda g: reverse("accounts:inloggen"), 200),
    (lambda g: reverse("accounts:inloglink"), 200),
    (lambda g: reverse("accounts:inloglink_verzonden"), 200),
    (lambda g: reverse("accounts:inloglink_gebruiken") + "?sleutel=abc", 200),
    (lambda g: reverse("accounts:inloglink_gebruiken"), 403),
    (lambda g: reverse("accounts:wachtwoord_vergeten"), 200),
    (lambda g: reverse("accounts:wachtwoord_verzonden"), 200),
    (lambda g: reverse("accounts:wachtwoord_nieuw", args=["MQ", "ongeldig"]), 200),
    (lambda g: reverse("accounts:wachtwoord_gewijzigd"), 200),
    (lambda g: "/bestaat-niet/", 404),
]


@pytest.fixture
def gemeente_e2e(e2e_db):
    return GemeenteFactory(naam="Utrechtse Heuvelrug", slug="heuvelrug", cbs_code="GM0339")


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_openbare_paginas_zonder_schendingen(
    gemeente_e2e, live_server, nieuwe_context, axe_bron, taal
):
    b = Bezoeker(nieuwe_context(taal=taal), live_server.url, axe_bron, taal=taal)
    for pad, status in PUBLIEK:
        b.ga_naar(pad(gemeente_e2e), status=status)
    # The 403 page as an official of another gemeente sees it, and the form with errors.
    b.ga_naar(reverse("accounts:inloglink"))
    b.page.locator("input[name=email]").fill("geen e-mailadres")
    b.klik("button", b.t("Stuur mij een link"))
    assert b.page.locator("[aria-invalid=true]").count() == 1
    # The 429 page, after too many link requests for one address. The limit (3 a minute)
    # counts in fixed windows: four requests that straddle the turn of a window are two and
    # two, so ask until it answers, at most eight times (two windows hold at most six).
    for _ in range(8):
        b.ga_naar(reverse("accounts:inloglink"))
        b.page.locator("input[name=email]").fill("vaak@example.org")
        b.klik("button", b.t("Stuur mij een link"))
        if b.h1() == b.t("Te veel aanvragen"):
            break
    assert b.h1() == b.t("Te veel aanvragen")
    b.geen_toegankelijkheidsfouten()


def test_foutpaginas_zonder_schendingen(gemeente_e2e, live_server, nieuwe_context, axe_bron):
    """400, 403 and 500 rendered by their handlers, then shown in the browser."""
    andere = GemeenteFactory(naam="Andere", slug="andere", cbs_code="GM0340")
    ambtenaar = ambtenaar_van(andere, email="b@andere.example.org")
    b = Bezoeker(nieuwe_context(), live_server.url, axe_bron)
    from tests.tweestaps import Client

    client = Client()
    client.force_login(ambtenaar)
    sessie = client.cookies["sessionid"].value
    b.context.add_cookies([{"name": "sessionid", "value": sessie, "url": live_server.url}])
    b.ga_naar(reverse("aanbesteden:gemeente_trajecten", args=[gemeente_e2e.slug]), status=403)

    rf = RequestFactory()
    for handler in (views.fout_400, views.fout_500):
        verzoek = rf.get("/")
        from django.contrib.auth.models import AnonymousUser

        verzoek.user = AnonymousUser()
        html = handler(verzoek).content.decode()
        b.page.goto(live_server.url + "/")
        b.page.set_content(html)
        schendingen = axe_schendingen(b.page, axe_bron)
        assert not schendingen, schendingen_tekst(handler.__name__, schendingen)


def test_axe_vindt_een_schending(browser, nieuwe_context, axe_bron):
    """The checks themselves can fail: an unlabelled input, an image without alt, a link
    whose focus is hidden."""
    page = nieuwe_context().new_page()
    page.set_content(
        '<!doctype html><html lang="nl"><head><title>x</title></head><body><main>'
        '<h1>Kop</h1><img src="data:,"><input type="text"></main></body></html>'
    )
    regels = {v["id"] for v in axe_schendingen(page, axe_bron)}
    assert {"image-alt", "label"} <= regels
    page.set_content(
        '<!doctype html><html lang="nl"><head><title>x</title><style>'
        "a:focus{outline:none}</style></head><body><main><h1>Kop</h1>"
        '<a href="#a">Verborgen focus</a> <button>Zichtbaar</button></main></body></html>'
    )
    zonder = zonder_zichtbare_focus(page)
    assert len(zonder) == 1 and "Verborgen focus" in zonder[0]
