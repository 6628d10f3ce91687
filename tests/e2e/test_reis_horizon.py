"""The journey of phase 1, with the phase's real requirements: the initiative writes the
horizon with a measurable indicator, both the initiative and the official agree with that
version, and only then the traject moves on to the coalition."""

from __future__ import annotations

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from initiatieven.models import Horizon as HorizonModel
from tests.e2e.stappen import Bezoeker, Horizon, Kern
from tests.factories import GemeenteFactory, TrajectFactory, UserFactory, ambtenaar_van
from tests.initiatieven.conftest import voorstel_compleet


def test_samen_de_stip_aan_de_horizon_zetten(e2e_db, live_server, nieuwe_context, axe_bron):
    gemeente = GemeenteFactory(naam="Utrechtse Heuvelrug", slug="heuvelrug", cbs_code="GM0339")
    ambtenaar = ambtenaar_van(gemeente, email="ambtenaar@heuvelrug.example.org")
    ini = UserFactory(email="bewoners@buurtpark.example.org", naam="Ilse Bakker")
    traject = TrajectFactory(gemeente=gemeente, initiatiefnemer=ini, titel="Buurtpark De Linde")
    voorstel_compleet(traject)
    Traject.objects.filter(pk=traject.pk).update(status=TrajectStatus.HORIZON)
    HorizonModel.objects.create(traject=traject)  # as the follow-up of "toelaten" makes it

    b = Bezoeker(nieuwe_context(), live_server.url, axe_bron)
    Kern(b).inloggen_met_link(ini.email)
    b.ga_naar(traject.get_absolute_url())
    Horizon(b).wijzigen(
        ambitie="Een groen park dat de buurt zelf beheert.",
        resultaten="Meer buren doen mee; minder zwerfafval.",
        indicator={
            "naam": "Actieve vrijwilligers",
            "eenheid": "aantal",
            "nulwaarde": "4",
            "streefwaarde": "25",
            "meetmethode": "Telling op de werkdagen.",
        },
    )
    Horizon(b).akkoord()

    amb = Bezoeker(nieuwe_context(), live_server.url, axe_bron)
    Kern(amb).inloggen_met_wachtwoord(ambtenaar.email, "geheim-wachtwoord-123")
    amb.ga_naar(traject.get_absolute_url())
    amb.klik("link", amb.t("De stip aan de horizon bekijken"))
    Horizon(amb).akkoord()

    b.ga_naar(traject.get_absolute_url())
    Kern(b).stap_zetten(b.t("Door naar vitale coalities"))
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.COALITIE
    b.geen_toegankelijkheidsfouten()
    amb.geen_toegankelijkheidsfouten()
