"""Who may open which page of phases 2 and 3: every URL × role, own and other traject."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from aanbesteden.constants import TrajectStatus
from coalities import services
from coalities.models import Begrotingspost, Inzet, Mijlpaal, Tranche
from tests.coalities.factories import in_status, partner_maken

pytestmark = pytest.mark.django_db

#: (url name, needs status, extra kwargs key, method) and the expected status per role.
PAGINAS = {
    "coalitie": (
        "coalitie",
        None,
        "GET",
        {"ambtenaar": 200, "initiatiefnemer": 200, "partner": 200},
    ),
    "uitnodigen": (
        "coalitie",
        None,
        "GET",
        {"ambtenaar": 200, "initiatiefnemer": 200, "partner": 403},
    ),
    "uitnodiging_opnieuw": (
        "coalitie",
        "uitnodiging",
        "POST",
        {"ambtenaar": 302, "initiatiefnemer": 302, "partner": 403},
    ),
    "uitnodiging_intrekken": (
        "coalitie",
        "uitnodiging",
        "POST",
        {"ambtenaar": 302, "initiatiefnemer": 302, "partner": 403},
    ),
    "vertrekken": (
        "coalitie",
        None,
        "GET",
        {"ambtenaar": 403, "initiatiefnemer": 403, "partner": 200},
    ),
    "route": ("route", None, "GET", {"ambtenaar": 200, "initiatiefnemer": 200, "partner": 200}),
    "route_versies": (
        "route",
        None,
        "GET",
        {"ambtenaar": 200, "initiatiefnemer": 200, "partner": 200},
    ),
    "route_kader": (
        "route",
        None,
        "GET",
        {"ambtenaar": 200, "initiatiefnemer": 200, "partner": 403},
    ),
    "mijlpaal_nieuw": (
        "route",
        None,
        "GET",
        {"ambtenaar": 200, "initiatiefnemer": 200, "partner": 403},
    ),
    "mijlpaal": (
        "route",
        "id:mijlpaal",
        "GET",
        {"ambtenaar": 200, "initiatiefnemer": 200, "partner": 403},
    ),
    "inzet_nieuw": (
        "route",
        None,
        "GET",
        {"ambtenaar": 200, "initiatiefnemer": 200, "partner": 200},
    ),
    "inzet": (
        "route",
        "id:inzet",
        "GET",
        {"ambtenaar": 403, "initiatiefnemer": 403, "partner": 200},
    ),
    "inzet_bevestigen": (
        "route",
        None,
        "POST",
        {"ambtenaar": 302, "initiatiefnemer": 302, "partner": 302},
    ),
    "akkoord": ("route", None, "POST", {"ambtenaar": 302, "initiatiefnemer": 302, "partner": 302}),
    "akkoord_vragen": (
        "route",
        None,
        "POST",
        {"ambtenaar": 302, "initiatiefnemer": 302, "partner": 302},
    ),
    "begrotingspost_nieuw": (
        "route",
        None,
        "GET",
        {"ambtenaar": 200, "initiatiefnemer": 200, "partner": 403},
    ),
    "begrotingspost": (
        "route",
        "id:post",
        "GET",
        {"ambtenaar": 200, "initiatiefnemer": 200, "partner": 403},
    ),
    "tranche_nieuw": (
        "route",
        None,
        "GET",
        {"ambtenaar": 200, "initiatiefnemer": 403, "partner": 403},
    ),
    "tranche": (
        "route",
        "id:tranche",
        "GET",
        {"ambtenaar": 200, "initiatiefnemer": 403, "partner": 403},
    ),
    "verwijderen": (
        "route",
        "verwijder:tranche",
        "POST",
        {"ambtenaar": 302, "initiatiefnemer": 403, "partner": 403},
    ),
}


@pytest.fixture
def wereld(traject, ambtenaar, initiatiefnemer, ambtenaar_b, ander_coalitie_traject):
    coalitie = in_status(traject, TrajectStatus.COALITIE)
    eigen = partner_maken(coalitie, "eigen.partner@example.org", "Eigen")
    vreemd = partner_maken(ander_coalitie_traject, "vreemde.partner@example.org", "Vreemd")
    uitnodiging, _t = services._uitnodiging_maken(
        traject=coalitie, door=None, email="open@example.org", naam="", organisatie="", bericht=""
    )
    from tests.factories import TrajectFactory

    route_traject = TrajectFactory(
        gemeente=traject.gemeente,
        initiatiefnemer=initiatiefnemer,
        titel="Route",
        status=TrajectStatus.COALITIE,
    )
    route_partner = partner_maken(route_traject, eigen.gebruiker.email, "Eigen")
    route_traject = in_status(route_traject, TrajectStatus.ROUTE)
    m = Mijlpaal.objects.create(traject=route_traject, titel="M", datum=date(2030, 1, 1))
    objecten = {
        "uitnodiging": uitnodiging,
        "mijlpaal": m,
        "inzet": Inzet.objects.create(
            traject=route_traject,
            partij_soort="partner",
            partner=route_partner,
            soort="uren",
            hoeveelheid=1,
            eenheid="uur",
        ),
        "post": Begrotingspost.objects.create(
            traject=route_traject, soort="kosten", omschrijving="K", bedrag=Decimal(1)
        ),
        "tranche": Tranche.objects.create(
            traject=route_traject,
            omschrijving="T",
            bedrag=Decimal(1),
            vorm="subsidie",
            datum=date(2030, 1, 1),
        ),
    }
    gebruikers = {
        "ambtenaar": ambtenaar,
        "initiatiefnemer": initiatiefnemer,
        "partner": eigen.gebruiker,
        "ambtenaar_andere_gemeente": ambtenaar_b,
        "partner_ander_traject": vreemd.gebruiker,
        "initiatiefnemer_ander_traject": ander_coalitie_traject.aangemaakt_door,
    }
    return {
        "coalitie": coalitie,
        "route": route_traject,
        "objecten": objecten,
        "gebruikers": gebruikers,
    }


def url_voor(naam, wereld):
    fase, extra, methode, _verwacht = PAGINAS[naam]
    traject = wereld[fase]
    kwargs = {"pk": traject.pk}
    if extra == "uitnodiging":
        kwargs["uitnodiging"] = wereld["objecten"]["uitnodiging"].pk
    elif extra and extra.startswith("id:"):
        kwargs["id"] = wereld["objecten"][extra[3:]].pk
    elif extra and extra.startswith("verwijder:"):
        kwargs["id"] = wereld["objecten"][extra[10:]].pk
        kwargs["soort"] = extra[10:]
    return reverse(f"coalities:{naam}", kwargs=kwargs), methode


ROLLEN = [
    "anoniem",
    "ambtenaar",
    "initiatiefnemer",
    "partner",
    "ambtenaar_andere_gemeente",
    "partner_ander_traject",
    "initiatiefnemer_ander_traject",
]


@pytest.mark.parametrize("naam", list(PAGINAS))
def test_toegang(client, wereld, naam):
    """Each URL for every role (one world per URL keeps the suite fast)."""
    url, methode = url_voor(naam, wereld)
    uitkomsten = {}
    for rol in ROLLEN:
        client.logout()
        if rol != "anoniem":
            client.force_login(wereld["gebruikers"][rol])
        # POSTs with an empty body change nothing that a later role depends on.
        antwoord = client.post(url, {}) if methode == "POST" else client.get(url)
        if rol == "anoniem":
            uitkomsten[rol] = 302 if "/inloggen/" in antwoord.get("Location", "") else 0
        else:
            uitkomsten[rol] = antwoord.status_code
    verwacht = {
        rol: (302 if rol == "anoniem" else PAGINAS[naam][3].get(rol, 404)) for rol in ROLLEN
    }
    assert uitkomsten == verwacht


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
