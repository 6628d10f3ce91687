"""The journey through the platform in a real browser, as the people would walk it.

Runs three times: in Dutch, in English, and in Dutch with JavaScript switched off. Every page
it visits is checked with axe-core (WCAG 2.1 A/AA). The phase apps append their steps here
through their helpers in ``stappen.py``.
"""

from __future__ import annotations

import pytest

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from tests.e2e.stappen import Bezoeker, Intake, Kern
from tests.factories import GemeenteFactory, TrajectFactory, ambtenaar_van
from tests.initiatieven.factories import opgave_maken

WACHTWOORD = "geheim-wachtwoord-123"

VARIANTEN = [
    pytest.param("nl", True, id="nederlands"),
    pytest.param("en", True, id="english"),
    pytest.param("nl", False, id="zonder-javascript"),
]


@pytest.fixture
def wereld(e2e_db, geen_vereisten, request):
    taal = request.node.callspec.params["taal"]
    gemeente = GemeenteFactory(naam="Utrechtse Heuvelrug", slug="heuvelrug", cbs_code="GM0339")
    ambtenaar = ambtenaar_van(gemeente, email="ambtenaar@heuvelrug.example.org", taal=taal)
    opgave = opgave_maken(gemeente, titel="Beheer van het buurtpark")
    TrajectFactory(gemeente=gemeente, titel="Speeltuin Zonnebloem")
    return {"gemeente": gemeente, "ambtenaar": ambtenaar, "opgave": opgave}


@pytest.mark.parametrize(("taal", "javascript"), VARIANTEN)
def test_reis_door_het_platform(wereld, live_server, nieuwe_context, axe_bron, taal, javascript):
    # A visitor answers the gemeente's call, logs in with the one-time link from the mail and
    # submits the proposal.
    ini = Bezoeker(
        nieuwe_context(taal=taal, javascript=javascript),
        live_server.url,
        axe_bron,
        taal=taal,
        javascript=javascript,
    )
    kern_ini = Kern(ini)
    Intake(ini).reageren_op_opgave(
        wereld["gemeente"].slug,
        wereld["opgave"].titel,
        email="bewoners@buurtpark.example.org",
        initiatief="Bewoners van de Lindelaan",
        titel="Buurtpark De Linde",
    )
    traject = Traject.objects.get(titel="Buurtpark De Linde")
    assert traject.status == TrajectStatus.CONCEPT
    ini.klik("link", ini.t("Mijn trajecten"))
    kern_ini.traject_openen(traject.titel)
    kern_ini.stap_zetten(ini.t("Voorstel indienen"))
    assert traject.titel in ini.h1()
    assert ini.t("Ingediend") in ini.melding()
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.INGEDIEND

    # The official logs in with a password, finds it in the gemeente's list and admits it.
    amb = Bezoeker(
        nieuwe_context(taal=taal, javascript=javascript),
        live_server.url,
        axe_bron,
        taal=taal,
        javascript=javascript,
    )
    kern_amb = Kern(amb)
    kern_amb.inloggen_met_wachtwoord(wereld["ambtenaar"].email, WACHTWOORD)
    assert sorted(kern_amb.gemeente_lijst()) == ["Buurtpark De Linde", "Speeltuin Zonnebloem"]
    kern_amb.traject_openen(traject.titel)

    # Without a motivation the form says what is missing and nothing changes.
    amb.klik("link", amb.t("Toelaten"))
    amb.page.get_by_role("button", name=amb.t("Toelaten"), exact=True).click()
    amb.aangekomen()
    assert amb.t("Geef een motivatie voor deze stap.") in amb.page.content()
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.INGEDIEND

    amb.page.go_back()
    amb.page.go_back()
    amb.aangekomen()
    kern_amb.stap_zetten(amb.t("Toelaten"), motivatie="Past bij het groenbeleid van de wijk.")
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.HORIZON
    assert "Past bij het groenbeleid van de wijk." in amb.page.locator(".tijdlijn").inner_text()

    # Language switch to the other language and back, on the traject page.
    ander = "en" if taal == "nl" else "nl"
    kern_amb.taal_wisselen(ander)
    assert amb.page.locator("html").get_attribute("lang") == ander
    assert amb.t("Tijdlijn") in amb.page.content()
    kern_amb.taal_wisselen(taal)
    assert amb.h1() == traject.titel

    kern_amb.uitloggen()
    kern_ini.uitloggen()
    assert Traject.objects.get(pk=traject.pk).status == TrajectStatus.HORIZON
    ini.geen_toegankelijkheidsfouten()
    amb.geen_toegankelijkheidsfouten()
