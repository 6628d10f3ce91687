"""The journey of phase 3, with the phase's real requirements: the initiative sets start,
duration and a milestone, the partner states and confirms its contribution, the official
sets the budget and the gemeente's tranche, every party agrees with the route, and the
official moves the traject on to the formal handover."""

from __future__ import annotations

import datetime

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from initiatieven.models import Horizon, Indicator
from tests.coalities.conftest import partner_maken
from tests.e2e.stappen import Bezoeker, Kern, Route
from tests.factories import GemeenteFactory, TrajectFactory, UserFactory, ambtenaar_van


def test_samen_de_route_afspreken(e2e_db, live_server, nieuwe_context, axe_bron):
    gemeente = GemeenteFactory(naam="Utrechtse Heuvelrug", slug="heuvelrug", cbs_code="GM0339")
    ambtenaar = ambtenaar_van(gemeente, email="ambtenaar@heuvelrug.example.org")
    ini = UserFactory(email="bewoners@buurtpark.example.org", naam="Ilse Bakker")
    traject = TrajectFactory(
        gemeente=gemeente,
        initiatiefnemer=ini,
        titel="Buurtpark De Linde",
        status=TrajectStatus.COALITIE,
    )
    horizon = Horizon.objects.create(traject=traject, ambitie="Een groen park")
    Indicator.objects.create(
        horizon=horizon, naam="Vrijwilligers", eenheid="aantal", nulwaarde=4, streefwaarde=25
    )
    partner_maken(traject, "sportclub@example.org", "Sportclub De Linde")
    Traject.objects.filter(pk=traject.pk).update(status=TrajectStatus.ROUTE)
    vandaag = datetime.date.today()

    b = Bezoeker(nieuwe_context(), live_server.url, axe_bron)
    Kern(b).inloggen_met_link(ini.email)
    route = Route(b)
    route.openen(traject)
    route.kader(vandaag, 24)
    route.mijlpaal("Eerste plantdag", vandaag + datetime.timedelta(days=60))
    route.inzet("Organisatie van de plantdagen", "40", "uur")

    p = Bezoeker(nieuwe_context(), live_server.url, axe_bron)
    Kern(p).inloggen_met_link("sportclub@example.org")
    Route(p).openen(traject)
    Route(p).inzet("Materiaal en vrijwilligers van de club", "20", "uur")

    amb = Bezoeker(nieuwe_context(), live_server.url, axe_bron)
    Kern(amb).inloggen_met_wachtwoord(ambtenaar.email, "geheim-wachtwoord-123")
    route_amb = Route(amb)
    route_amb.openen(traject)
    route_amb.begrotingspost("kosten", "Plantgoed en gereedschap", "5000,00")
    route_amb.begrotingspost("dekking", "Subsidie van de gemeente", "5000,00", bron="gemeente")
    route_amb.tranche("Eerste betaling", "5000,00", vandaag + datetime.timedelta(days=30))
    for bezoeker in (b, p, amb):
        Route(bezoeker).openen(traject)
        Route(bezoeker).akkoord()

    amb.ga_naar(traject.get_absolute_url())
    Kern(amb).stap_zetten(amb.t("Door naar formele overdracht"))
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.OVERDRACHT
    for bezoeker in (b, p, amb):
        bezoeker.geen_toegankelijkheidsfouten()
