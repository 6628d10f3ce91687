"""Moving back keeps the data and withdraws the agreements given after that phase."""

from __future__ import annotations

import pytest

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from aanbesteden.services import traject_transitie
from coalities import services
from coalities.constants import PartnerStatus
from coalities.models import Inzet, Mijlpaal, Partner, RouteAkkoord, RouteVersie, Uitnodiging
from tests.coalities.factories import in_status, route_compleet

pytestmark = pytest.mark.django_db


def akkoorden_op_huidige_versie(traject) -> int:
    """The agreements that count: on the last version asked, while the draft is unchanged."""
    route = services.route_ophalen_of_maken(traject)
    if route.concept_gewijzigd:
        return 0
    return RouteAkkoord.objects.filter(route=route, versie=route.versie).count()


@pytest.fixture
def akkoord_route(route_traject, ambtenaar, initiatiefnemer, coalitie_partner):
    traject = route_compleet(route_traject, ambtenaar, initiatiefnemer, [coalitie_partner])
    assert akkoorden_op_huidige_versie(traject) == 3
    return Traject.objects.get(pk=traject.pk)


def test_route_terug_naar_coalitie(akkoord_route, initiatiefnemer):
    gegevens_voor = (Mijlpaal.objects.count(), Inzet.objects.count(), Partner.objects.count())
    traject_transitie(
        traject=akkoord_route,
        transitie="terug_naar_coalitie",
        door=initiatiefnemer,
        motivatie="Nog een partner erbij",
    )
    traject = Traject.objects.get(pk=akkoord_route.pk)
    assert traject.status == TrajectStatus.COALITIE
    assert akkoorden_op_huidige_versie(traject) == 0
    assert (
        Mijlpaal.objects.count(),
        Inzet.objects.count(),
        Partner.objects.count(),
    ) == gegevens_voor
    assert RouteAkkoord.objects.count() == 3  # history kept
    # No new version: the draft counts as changed, with the reason, until agreement is asked.
    route = services.route_ophalen_of_maken(traject)
    assert RouteVersie.objects.filter(route=route).count() == route.versie == 1
    assert any("Nog een partner erbij" in regel for regel in route.concept_wijzigingen)


def test_coalitie_terug_naar_horizon(akkoord_route, ambtenaar, coalitie_partner):
    traject = in_status(akkoord_route, TrajectStatus.COALITIE)
    traject_transitie(
        traject=traject, transitie="terug_naar_horizon", door=ambtenaar, motivatie="Doel scherper"
    )
    traject = Traject.objects.get(pk=traject.pk)
    assert traject.status == TrajectStatus.HORIZON
    assert akkoorden_op_huidige_versie(traject) == 0
    assert Partner.objects.get(pk=coalitie_partner.pk).status == PartnerStatus.BEVESTIGD
    assert Uitnodiging.objects.filter(traject=traject).exists()
    assert Mijlpaal.objects.filter(traject=traject).exists()


@pytest.mark.parametrize(
    ("van", "transitie"),
    [(TrajectStatus.OVERDRACHT, "terug_naar_route"), (TrajectStatus.EVALUATIE, "bijsturen")],
)
def test_later_terug_naar_route_vraagt_opnieuw_akkoord(
    akkoord_route, ambtenaar, van, transitie, vereisten_register
):
    traject = in_status(akkoord_route, van)
    # Requirements of other phases are not this test's concern.
    vereisten_register.vereisten_weglaten(transitie)
    traject_transitie(traject=traject, transitie=transitie, door=ambtenaar, motivatie="Bijsturen")
    traject = Traject.objects.get(pk=traject.pk)
    assert traject.status == TrajectStatus.ROUTE
    assert akkoorden_op_huidige_versie(traject) == 0
    from aanbesteden.fasen import fasen

    assert "route_akkoord" in {v.code for v in fasen.onvervuld(traject, "naar_overdracht")}
