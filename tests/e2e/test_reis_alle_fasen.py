"""One traject through all five phases in the browser, as the people would walk it: a visitor
answers a call, the official admits it, both agree the horizon, a partner is invited and
accepts through the mail's link, the route is agreed, everyone signs and the sealed PDF comes
out, the evaluation is filled in and the task is anchored.

The requirements of submitting and admitting are switched off here (a complete proposal and
its assessment are walked in tests/initiatieven); every later phase runs with its real
requirements.

Every page on the way also passes the checks of ``tests/e2e/paginacontrole.py`` (no console
error or CSP violation, no failed request, no sideways scrolling at 320 px, valid HTML); the
variant ``telefoon`` walks the whole journey in a phone-sized window (375 × 740)."""

from __future__ import annotations

import datetime

import pytest

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from tests.e2e.stappen import (
    Bezoeker,
    Coalitie,
    Evaluatie,
    Horizon,
    Intake,
    Kern,
    Overdracht,
    Route,
)
from tests.factories import GemeenteFactory, TrajectFactory, ambtenaar_van
from tests.initiatieven.factories import opgave_maken

WACHTWOORD = "geheim-wachtwoord-123"


@pytest.fixture
def zonder_intakevereisten(vereisten_register):
    for transitie in ("indienen", "toelaten"):
        vereisten_register.vereisten_weglaten(transitie)
    return vereisten_register


def ingelogd(b: Bezoeker, email: str) -> None:
    b.ga_naar("/")
    if not b.page.get_by_role("button", name=b.t("Uitloggen"), exact=True).count():
        Kern(b).inloggen_met_link(email)


TELEFOON = (375, 740)
BUREAU = (1280, 720)


@pytest.mark.parametrize(
    ("taal", "javascript", "toetsenbord", "venster"),
    [
        ("nl", True, False, BUREAU),
        ("en", True, False, BUREAU),
        ("nl", False, False, BUREAU),
        ("nl", True, True, BUREAU),
        ("nl", True, False, TELEFOON),
    ],
    ids=["nederlands", "engels", "zonder-javascript", "alleen-toetsenbord", "telefoon"],
)
def test_een_traject_door_alle_vijf_fasen(
    e2e_db,
    zonder_intakevereisten,
    live_server,
    nieuwe_context,
    axe_bron,
    taal,
    javascript,
    toetsenbord,
    venster,
):
    """With ``toetsenbord`` every link and button of the journey is reached with Tab, shows a
    visible focus, and is used with Enter."""
    from overdracht.models import OvereenkomstVersie

    gemeente = GemeenteFactory(naam="Utrechtse Heuvelrug", slug="heuvelrug", cbs_code="GM0339")
    ambtenaar = ambtenaar_van(
        gemeente, email="ambtenaar@heuvelrug.example.org", naam="Anne Ambt", taal=taal
    )
    opgave = opgave_maken(gemeente, titel="Beheer van het buurtpark")
    TrajectFactory(gemeente=gemeente, titel="Speeltuin Zonnebloem")
    vandaag = datetime.date.today()
    ini_mail, partner_mail = "bewoners@buurtpark.example.org", "sportclub@example.org"

    # Intake: a visitor answers the call and submits; the official admits it.
    ini = Bezoeker(
        nieuwe_context(taal=taal, javascript=javascript, venster=venster),
        live_server.url,
        axe_bron,
        taal=taal,
        javascript=javascript,
        toetsenbord=toetsenbord,
    )
    Intake(ini).reageren_op_opgave(
        gemeente.slug,
        opgave.titel,
        email=ini_mail,
        initiatief="Bewoners van de Lindelaan",
        titel="Buurtpark De Linde",
    )
    traject = Traject.objects.get(titel="Buurtpark De Linde")
    ini.ga_naar(traject.get_absolute_url())
    Kern(ini).stap_zetten(ini.t("Voorstel indienen"))
    amb = Bezoeker(
        nieuwe_context(taal=taal, javascript=javascript, venster=venster),
        live_server.url,
        axe_bron,
        taal=taal,
        javascript=javascript,
        toetsenbord=toetsenbord,
    )
    Kern(amb).inloggen_met_wachtwoord(ambtenaar.email, WACHTWOORD)
    amb.ga_naar(traject.get_absolute_url())
    Kern(amb).stap_zetten(amb.t("Toelaten"), motivatie="Past bij het groenbeleid.")
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.HORIZON

    # Phase 1: the horizon, agreed by both.
    ini.ga_naar(traject.get_absolute_url())
    Horizon(ini).wijzigen(
        ambitie="Een groen park dat de buurt zelf beheert.",
        resultaten="Meer buren doen mee.",
        indicator={
            "naam": "Actieve vrijwilligers",
            "eenheid": "aantal",
            "nulwaarde": "4",
            "streefwaarde": "25",
            "meetmethode": "Telling.",
        },
    )
    Horizon(ini).akkoord()
    amb.ga_naar(traject.get_absolute_url())
    amb.klik("link", amb.t("De stip aan de horizon bekijken"))
    Horizon(amb).akkoord()
    ini.ga_naar(traject.get_absolute_url())
    Kern(ini).stap_zetten(ini.t("Door naar vitale coalities"))

    # Phase 2: a partner is invited, accepts through the link in the mail and agrees to the
    # horizon.
    Coalitie(ini).partner_uitnodigen(
        email=partner_mail, naam="Sanne de Vries", organisatie="Sportclub De Linde"
    )
    partner = Bezoeker(
        nieuwe_context(taal=taal, javascript=javascript, venster=venster),
        live_server.url,
        axe_bron,
        taal=taal,
        javascript=javascript,
        toetsenbord=toetsenbord,
    )
    Coalitie(partner).uitnodiging_accepteren(email=partner_mail, contactpersoon="Sanne de Vries")
    Coalitie(partner).horizon_akkoord()
    ini.ga_naar(traject.get_absolute_url())
    Kern(ini).stap_zetten(ini.t("Door naar routes naar de horizon"))

    # Phase 3: the route, agreed by every party.
    Route(ini).openen(traject)
    Route(ini).kader(vandaag, 24)
    Route(ini).mijlpaal("Eerste plantdag", vandaag + datetime.timedelta(days=60))
    Route(ini).inzet("Organisatie van de plantdagen", "40", "uur")
    ingelogd(partner, partner_mail)
    Route(partner).openen(traject)
    Route(partner).inzet("Materiaal en vrijwilligers van de club", "20", "uur")
    Route(amb).openen(traject)
    Route(amb).begrotingspost("kosten", "Plantgoed en gereedschap", "5000,00")
    Route(amb).begrotingspost("dekking", "Subsidie van de gemeente", "5000,00", bron="gemeente")
    Route(amb).tranche("Eerste betaling", "5000,00", vandaag + datetime.timedelta(days=30))
    Route(ini).openen(traject)
    Route(ini).akkoord_vragen()
    for b in (partner, amb):
        Route(b).openen(traject)
        Route(b).akkoord()
    amb.ga_naar(traject.get_absolute_url())
    Kern(amb).stap_zetten(amb.t("Door naar formele overdracht"))

    # Phase 4: everyone signs; the sealed PDF comes out.
    amb.ga_naar(traject.get_absolute_url())
    Overdracht(amb).vaststellen()
    versie = OvereenkomstVersie.objects.filter(traject=traject).order_by("-nummer").first()
    per_email = {ambtenaar.email: amb, ini_mail: ini, partner_mail: partner}
    for o in versie.ondertekeningen.select_related("ondertekenaar"):
        b = per_email.get(o.ondertekenaar.email)
        if b is None:
            b = Bezoeker(
                nieuwe_context(taal=taal, javascript=javascript, venster=venster),
                live_server.url,
                axe_bron,
                taal=taal,
                javascript=javascript,
                toetsenbord=toetsenbord,
            )
            per_email[o.ondertekenaar.email] = b
        ingelogd(b, o.ondertekenaar.email) if b is not amb else None
        b.ga_naar(traject.get_absolute_url())
        Overdracht(b).tekenen(o.ondertekenaar.naam or o.naam or "Sanne de Wit")
    versie.refresh_from_db()
    assert versie.status == "verzegeld", versie.status
    amb.ga_naar(traject.get_absolute_url())
    link = amb.page.get_by_role("link", name=amb.t("Verzegelde PDF"), exact=True)
    pdf = amb.page.request.get(live_server.url + link.get_attribute("href"))
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF-")
    traject.refresh_from_db()
    if traject.status == TrajectStatus.OVERDRACHT:  # sealing may already have moved it on
        Kern(amb).stap_zetten(amb.t("Door naar evaluatie en verankering"))
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.EVALUATIE

    # Phase 5: both parties evaluate; the official anchors the task.
    for b in (ini, partner):
        Evaluatie(b).naar_de_evaluatie(traject)
        Evaluatie(b).deel_invullen()
    amb.ga_naar(traject.get_absolute_url())
    Evaluatie(amb).verankering_beschrijven(
        amb.t("Vaste post op de begroting"),
        "Het beheer staat vanaf volgend jaar vast op de begroting.",
        (vandaag + datetime.timedelta(days=30)).isoformat(),
    )
    Evaluatie(amb).naar_de_evaluatie(traject)
    Evaluatie(amb).besluiten(amb.t("Verankeren"), "De taak loopt goed; wij regelen haar blijvend.")
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.VERANKERD
    for b in {id(b): b for b in per_email.values()}.values():
        b.geen_toegankelijkheidsfouten()
