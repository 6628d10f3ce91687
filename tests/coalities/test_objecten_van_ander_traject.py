"""An object of another traject is not reached through one's own traject's address, and a
partner of one traject does not see another. (Who may open which page of phases 2 and 3 is in
the roles × pages table, tests/toegang.)"""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from aanbesteden.constants import TrajectStatus
from coalities.models import Mijlpaal
from tests.coalities.factories import in_status, partner_maken
from tests.factories import TrajectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld(traject, ambtenaar, initiatiefnemer, ander_coalitie_traject):
    coalitie = in_status(traject, TrajectStatus.COALITIE)
    eigen = partner_maken(coalitie, "eigen.partner@example.org", "Eigen")
    partner_maken(ander_coalitie_traject, "vreemde.partner@example.org", "Vreemd")
    route_traject = TrajectFactory(
        gemeente=traject.gemeente,
        initiatiefnemer=initiatiefnemer,
        titel="Route",
        status=TrajectStatus.COALITIE,
    )
    partner_maken(route_traject, eigen.gebruiker.email, "Eigen")
    route_traject = in_status(route_traject, TrajectStatus.ROUTE)
    return {
        "coalitie": coalitie,
        "route": route_traject,
        "gebruikers": {"ambtenaar": ambtenaar, "partner": eigen.gebruiker},
    }


def test_object_van_ander_traject_via_eigen_traject(client, wereld, ander_coalitie_traject):
    vreemde_mijlpaal = Mijlpaal.objects.create(
        traject=ander_coalitie_traject, titel="V", datum=date(2030, 1, 1)
    )
    client.force_login(wereld["gebruikers"]["ambtenaar"])
    route = wereld["route"]
    assert (
        client.get(
            reverse("coalities:mijlpaal", kwargs={"pk": route.pk, "id": vreemde_mijlpaal.pk})
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse(
                "coalities:verwijderen",
                kwargs={"pk": route.pk, "soort": "mijlpaal", "id": vreemde_mijlpaal.pk},
            )
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("coalities:verwijderen", kwargs={"pk": route.pk, "soort": "traject", "id": 1})
        ).status_code
        == 404
    )
    assert Mijlpaal.objects.filter(pk=vreemde_mijlpaal.pk).exists()


def test_partner_van_x_ziet_y_niet(client, wereld, ander_coalitie_traject):
    client.force_login(wereld["gebruikers"]["partner"])
    assert client.get(ander_coalitie_traject.get_absolute_url()).status_code == 404
    assert (
        client.get(
            reverse("coalities:coalitie", kwargs={"pk": ander_coalitie_traject.pk})
        ).status_code
        == 404
    )
    assert client.get(wereld["coalitie"].get_absolute_url()).status_code == 200
