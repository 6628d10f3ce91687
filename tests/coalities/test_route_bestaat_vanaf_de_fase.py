"""The route is made when the traject enters the route phase (a follow-up of the transition),
not by the first visit of a route page; a page of a traject that has none shows it empty."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from aanbesteden.services import traject_transitie
from coalities import selectors
from coalities.models import Route
from tests.coalities.factories import partner_maken

pytestmark = pytest.mark.django_db


def test_naar_route_maakt_de_route(coalitie_traject, initiatiefnemer):
    partner_maken(coalitie_traject, "p@example.org")
    assert selectors.route_van(traject=coalitie_traject) is None
    traject_transitie(
        traject=Traject.objects.get(pk=coalitie_traject.pk),
        transitie="naar_route",
        door=initiatiefnemer,
    )
    assert selectors.route_van(traject=coalitie_traject) is not None


def test_een_routepagina_zonder_route_maakt_er_geen(client, coalitie_traject, initiatiefnemer):
    Traject.objects.filter(pk=coalitie_traject.pk).update(status=TrajectStatus.ROUTE)
    client.force_login(initiatiefnemer)
    for naam in ("route", "route_kader", "mijlpaal_nieuw"):
        antwoord = client.get(reverse(f"coalities:{naam}", kwargs={"pk": coalitie_traject.pk}))
        assert antwoord.status_code == 200, naam
    assert not Route.objects.filter(traject=coalitie_traject).exists()
