"""From a coalition in the browser (plain forms, no JavaScript) to a route everybody agrees
to, and on to overdracht."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from coalities.models import Partner, Route
from tests.coalities.factories import token_uit_mail

pytestmark = pytest.mark.django_db

EIGEN = {
    "naar_route": {
        "uitnodigingen_beantwoord",
        "partner_bevestigd",
        "partners_rol",
        "partners_horizon",
    },
    "naar_overdracht": {
        "mijlpaal",
        "route_kader",
        "inzet_partners",
        "begroting_dekt",
        "route_akkoord",
    },
}


@pytest.fixture
def alleen_eigen_vereisten(vereisten_register):
    """Other phases' requirements of these two steps are not this test's concern."""
    for transitie, codes in EIGEN.items():
        andere = [v.code for v in vereisten_register.vereisten(transitie) if v.code not in codes]
        vereisten_register.vereisten_weglaten(transitie, *andere)


def ok(antwoord, status=302):
    assert antwoord.status_code == status, antwoord.content.decode()[:3000]
    return antwoord


def stap(client, traject, transitie):
    traject = Traject.objects.get(pk=traject.pk)
    return ok(
        client.post(
            reverse("aanbesteden:transitie", kwargs={"pk": traject.pk, "transitie": transitie}),
            {"motivatie": "Klaar", "status": traject.status},
        )
    )


def test_van_coalitie_naar_overdracht(
    client,
    coalitie_traject,
    ambtenaar,
    initiatiefnemer,
    alleen_eigen_vereisten,
    django_capture_on_commit_callbacks,
):
    traject = coalitie_traject
    pk = traject.pk
    # The initiative invites; the invitee accepts through the link.
    client.force_login(initiatiefnemer)
    with django_capture_on_commit_callbacks(execute=True):
        ok(
            client.post(
                reverse("coalities:uitnodigen", kwargs={"pk": pk}), {"email": "club@example.org"}
            )
        )
    token = token_uit_mail(mail.outbox[-1])
    client.logout()
    ok(
        client.post(
            reverse("coalities:uitnodiging", kwargs={"token": token}),
            {
                "actie": "accepteren",
                "organisatie": "Sportvereniging De Zwaluwen",
                "soort": "organisatie",
                "contactpersoon": "Karel",
                "rol": "uitvoerder",
            },
        )
    )
    partner = Partner.objects.get(traject=traject)
    client.force_login(initiatiefnemer)
    stap(client, traject, "naar_route")

    # The route: frame, milestone, budget (Dutch amounts), tranche, contributions.
    ok(
        client.post(
            reverse("coalities:route_kader", kwargs={"pk": pk}),
            {"startdatum": "2030-01-01", "looptijd_maanden": "18"},
        )
    )
    ok(
        client.post(
            reverse("coalities:mijlpaal_nieuw", kwargs={"pk": pk}),
            {
                "titel": "Open dag",
                "datum": "2030-06-01",
                "verantwoordelijke": f"partner-{partner.pk}",
            },
        )
    )
    mijlpaal = traject.mijlpalen.get()
    ok(
        client.post(
            reverse("coalities:begrotingspost_nieuw", kwargs={"pk": pk}),
            {"soort": "kosten", "omschrijving": "Huur", "bedrag": "12.000,00"},
        )
    )
    ok(
        client.post(
            reverse("coalities:begrotingspost_nieuw", kwargs={"pk": pk}),
            {
                "soort": "dekking",
                "bron": "gemeente",
                "omschrijving": "Subsidie",
                "bedrag": "10.000",
            },
        )
    )
    ok(
        client.post(
            reverse("coalities:begrotingspost_nieuw", kwargs={"pk": pk}),
            {"soort": "dekking", "bron": "eigen", "omschrijving": "Eigen", "bedrag": "2000,00"},
        )
    )
    ok(
        client.post(
            reverse("coalities:inzet_nieuw", kwargs={"pk": pk}),
            {"partij": "initiatief", "soort": "uren", "hoeveelheid": "300", "eenheid": "uur"},
        )
    )
    client.force_login(ambtenaar)
    ok(
        client.post(
            reverse("coalities:tranche_nieuw", kwargs={"pk": pk}),
            {
                "omschrijving": "Tranche 1",
                "bedrag": "10.000",
                "vorm": "subsidie",
                "mijlpaal": mijlpaal.pk,
                "datum": "2030-06-01",
            },
        )
    )
    client.force_login(partner.gebruiker)
    ok(
        client.post(
            reverse("coalities:inzet_nieuw", kwargs={"pk": pk}),
            {
                "partij": f"partner-{partner.pk}",
                "soort": "faciliteiten",
                "hoeveelheid": "1",
                "eenheid": "sporthal",
                "mijlpaal": mijlpaal.pk,
            },
        )
    )
    ok(
        client.post(
            reverse("coalities:inzet_bevestigen", kwargs={"pk": pk}),
            {"partij": f"partner-{partner.pk}"},
        )
    )

    # Until now nobody got a message about the route; the initiative says it is ready and
    # asks the others to agree (that is its own agreement), then the others agree to the
    # version the route page shows.
    assert not [m for m in mail.outbox if "route" in m.subject.lower()]
    client.force_login(initiatiefnemer)
    with django_capture_on_commit_callbacks(execute=True):
        ok(client.post(reverse("coalities:akkoord_vragen", kwargs={"pk": pk}), {}))
    gevraagd = sorted(m.to[0] for m in mail.outbox if "akkoord gevraagd" in m.subject)
    assert gevraagd == sorted([ambtenaar.email, partner.gebruiker.email])
    for gebruiker, partij in [
        (partner.gebruiker, f"partner-{partner.pk}"),
        (ambtenaar, "gemeente"),
    ]:
        client.force_login(gebruiker)
        pagina = ok(client.get(reverse("coalities:route", kwargs={"pk": pk})), 200).content.decode()
        versie = re.search(r'name="versie" value="(\d+)"', pagina).group(1)
        assert int(versie) == Route.objects.get(traject=traject).versie
        ok(
            client.post(
                reverse("coalities:akkoord", kwargs={"pk": pk}),
                {"partij": partij, "versie": versie},
            )
        )

    pagina = client.get(traject.get_absolute_url()).content.decode()
    assert "De begroting sluit" in pagina
    assert "Sportvereniging De Zwaluwen: akkoord" in pagina
    stap(client, traject, "naar_overdracht")
    assert Traject.objects.get(pk=pk).status == TrajectStatus.OVERDRACHT
