"""The journey of phase 5: the initiative and the partner fill in their parts of the
evaluation, the official describes the anchoring and decides to anchor: the task is
anchored."""

from __future__ import annotations

import datetime

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from tests.e2e.stappen import Bezoeker, Evaluatie, Kern
from tests.factories import (
    GemeenteFactory,
    TrajectFactory,
    UserFactory,
    ambtenaar_van,
    partner_van,
)
from tests.overdracht.conftest import traject_in_overdracht


def test_evaluatie_invullen_en_verankeren(e2e_db, live_server, nieuwe_context, axe_bron):
    from evaluatie.models import Evaluatiemoment

    gemeente = GemeenteFactory(naam="Utrechtse Heuvelrug", slug="heuvelrug", cbs_code="GM0339")
    ambtenaar = ambtenaar_van(gemeente, email="ambtenaar@heuvelrug.example.org")
    ini = UserFactory(email="bewoners@buurtpark.example.org", naam="Ilse Bakker")
    traject = TrajectFactory(gemeente=gemeente, initiatiefnemer=ini, titel="Buurtpark De Linde")
    partner = partner_van(traject, email="sportclub@example.org", naam="Sanne de Vries")
    traject = traject_in_overdracht(traject, partner_gebruikers=[partner])
    Traject.objects.filter(pk=traject.pk).update(status=TrajectStatus.EVALUATIE)
    Evaluatiemoment.objects.create(traject=traject, gepland_op=datetime.date.today())

    bezoekers = []
    for email in (ini.email, partner.email):
        b = Bezoeker(nieuwe_context(), live_server.url, axe_bron)
        bezoekers.append(b)
        Kern(b).inloggen_met_link(email)
        Evaluatie(b).naar_de_evaluatie(traject)
        Evaluatie(b).deel_invullen()

    amb = Bezoeker(nieuwe_context(), live_server.url, axe_bron)
    bezoekers.append(amb)
    Kern(amb).inloggen_met_wachtwoord(ambtenaar.email, "geheim-wachtwoord-123")
    evaluatie = Evaluatie(amb)
    # Anchoring needs its description first; the decision then moves the traject.
    amb.ga_naar(traject.get_absolute_url())
    evaluatie.verankering_beschrijven(
        amb.t("Vaste post op de begroting"),
        "Het beheer staat vanaf volgend jaar vast op de begroting.",
        (datetime.date.today() + datetime.timedelta(days=30)).isoformat(),
    )
    evaluatie.naar_de_evaluatie(traject)
    evaluatie.besluiten(amb.t("Verankeren"), "De taak loopt goed; wij regelen haar blijvend.")
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.VERANKERD
    for b in bezoekers:
        b.geen_toegankelijkheidsfouten()
