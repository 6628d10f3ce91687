"""Keyboard only: log in, open a traject and take a step with Tab and Enter alone, with a
visible focus on every control used."""

from __future__ import annotations

from aanbesteden.constants import TrajectStatus
from tests.e2e.stappen import Bezoeker
from tests.e2e.toegankelijkheid import actief_element, focus_zichtbaar, tab_naar
from tests.factories import GemeenteFactory, TrajectFactory, UserFactory, ambtenaar_van
from tests.tweestaps import app_van, code_van


def _tab_en_controleer(b: Bezoeker, past, omschrijving: str) -> dict:
    el = tab_naar(b.page, past)
    assert focus_zichtbaar(b.page), f"no visible focus on {omschrijving}: {el}"
    return el


def test_inloggen_en_stap_zetten_met_alleen_het_toetsenbord(
    e2e_db, geen_vereisten, live_server, nieuwe_context, axe_bron
):
    gemeente = GemeenteFactory(naam="Utrechtse Heuvelrug", slug="heuvelrug", cbs_code="GM0339")
    ambtenaar = ambtenaar_van(gemeente, email="ambtenaar@heuvelrug.example.org")
    app = app_van(ambtenaar)
    traject = TrajectFactory(
        gemeente=gemeente,
        initiatiefnemer=UserFactory(email="ini@example.org"),
        titel="Buurtpark De Linde",
        status=TrajectStatus.INGEDIEND,
    )
    b = Bezoeker(nieuwe_context(), live_server.url, axe_bron)
    page = b.page
    b.ga_naar("/")

    # The first Tab reaches the skip link, which is shown and moves the focus to the content.
    el = _tab_en_controleer(b, lambda e: e["tag"] == "a", "the skip link")
    assert el["tekst"] == b.t("Naar de inhoud")
    assert page.locator(".utrecht-skip-link").bounding_box()["width"] > 1

    # From the home page to the log-in form.
    _tab_en_controleer(
        b, lambda e: e["tekst"] == b.t("Inloggen voor medewerkers"), "the log-in link"
    )
    page.keyboard.press("Enter")
    b.aangekomen()
    _tab_en_controleer(b, lambda e: e["naam"] == "username", "the e-mail field")
    page.keyboard.type(ambtenaar.email)
    _tab_en_controleer(b, lambda e: e["naam"] == "password", "the password field")
    page.keyboard.type("geheim-wachtwoord-123")
    _tab_en_controleer(
        b, lambda e: e["tag"] == "button" and e["tekst"] == b.t("Inloggen"), "the log-in button"
    )
    page.keyboard.press("Enter")
    b.aangekomen()
    # The second step: the code of the official's authenticator app.
    assert b.h1() == b.t("Code uit uw app")
    if actief_element(page)["naam"] != "token-otp_token":  # the field has autofocus
        _tab_en_controleer(b, lambda e: e["naam"] == "token-otp_token", "the code field")
    page.keyboard.type(code_van(app))
    _tab_en_controleer(
        b, lambda e: e["tag"] == "button" and e["tekst"] == b.t("Inloggen"), "the code's button"
    )
    page.keyboard.press("Enter")
    b.aangekomen()
    assert gemeente.naam in b.h1()

    # From the list to the traject, and the step "Toelaten" with a motivation.
    _tab_en_controleer(b, lambda e: e["tekst"] == traject.titel, "the traject link")
    page.keyboard.press("Enter")
    b.aangekomen()
    assert b.h1() == traject.titel
    _tab_en_controleer(b, lambda e: e["tekst"] == b.t("Toelaten"), "the step button")
    page.keyboard.press("Enter")
    b.aangekomen()
    _tab_en_controleer(b, lambda e: e["naam"] == "motivatie", "the motivation field")
    page.keyboard.type("Het voorstel past bij de wijk.")
    _tab_en_controleer(
        b, lambda e: e["tag"] == "button" and e["tekst"] == b.t("Toelaten"), "the submit button"
    )
    page.keyboard.press("Enter")
    b.aangekomen()
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.HORIZON
    b.geen_toegankelijkheidsfouten()


def test_toetsenbordmodus_faalt_op_onbereikbare_knop(e2e_db, live_server, nieuwe_context, axe_bron):
    """The keyboard mode of the journey can fail: a button taken out of the Tab order is not
    reached."""
    import pytest

    b = Bezoeker(nieuwe_context(), live_server.url, axe_bron, toetsenbord=True)
    b.ga_naar("/inloglink/")
    knop = b.page.locator("main form button[type=submit]").first
    knop.evaluate("el => el.setAttribute('tabindex', '-1')")
    with pytest.raises(AssertionError, match="not reached with Tab"):
        b.activeer(knop)
