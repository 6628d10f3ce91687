"""The journey on from admission: the initiative moves to phase 2, invites a partner by
e-mail, and the partner accepts by following the link in the mail that the platform sent."""

from __future__ import annotations

import pytest

from aanbesteden.constants import TrajectStatus
from coalities.constants import PartnerStatus
from coalities.models import Partner
from tests.e2e.stappen import Bezoeker, Coalitie, Kern
from tests.factories import GemeenteFactory, TrajectFactory, UserFactory, ambtenaar_van


@pytest.mark.parametrize("javascript", [True, False], ids=["nederlands", "zonder-javascript"])
def test_partner_uitnodigen_en_accepteren(
    e2e_db, geen_vereisten, live_server, nieuwe_context, axe_bron, javascript
):
    gemeente = GemeenteFactory(naam="Utrechtse Heuvelrug", slug="heuvelrug", cbs_code="GM0339")
    ambtenaar_van(gemeente, email="ambtenaar@heuvelrug.example.org")
    ini = UserFactory(email="bewoners@buurtpark.example.org")
    traject = TrajectFactory(
        gemeente=gemeente,
        initiatiefnemer=ini,
        titel="Buurtpark De Linde",
        status=TrajectStatus.HORIZON,
    )

    b = Bezoeker(
        nieuwe_context(javascript=javascript), live_server.url, axe_bron, javascript=javascript
    )
    kern = Kern(b)
    kern.inloggen_met_link(ini.email)
    kern.traject_openen(traject.titel)
    kern.stap_zetten(b.t("Door naar vitale coalities"))
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.COALITIE

    Coalitie(b).partner_uitnodigen(
        email="sportclub@example.org", naam="Sanne de Vries", organisatie="Sportclub De Linde"
    )
    partner = Bezoeker(
        nieuwe_context(javascript=javascript), live_server.url, axe_bron, javascript=javascript
    )
    Coalitie(partner).uitnodiging_accepteren(
        email="sportclub@example.org", contactpersoon="Sanne de Vries"
    )
    bevestigd = Partner.objects.get(traject=traject, contactpersoon="Sanne de Vries")
    assert bevestigd.gebruiker.email == "sportclub@example.org"
    assert bevestigd.status == PartnerStatus.BEVESTIGD
    b.geen_toegankelijkheidsfouten()
    partner.geen_toegankelijkheidsfouten()
