"""Partners see the horizon once they are in the coalition and say whether they agree: the
route phase waits until every confirmed partner agrees to the horizon as it is now. Not
agreeing needs a reason, which the initiative and the gemeente get once."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from aanbesteden.constants import TrajectStatus
from aanbesteden.fasen import fasen
from aanbesteden.models import Traject
from coalities.constants import HorizonOordeel
from coalities.models import Partner
from tests.coalities.factories import in_status, partner_maken
from tests.factories import GemeenteFactory, UserFactory

pytestmark = pytest.mark.django_db


def onvervuld(traject) -> set[str]:
    return {v.code for v in fasen.onvervuld(Traject.objects.get(pk=traject.pk), "naar_route")}


@pytest.fixture
def partner(coalitie_traject, horizon):
    return partner_maken(
        coalitie_traject, "club@example.org", "Sportclub De Linde", horizon_akkoord=False
    )


def oordeel(client, traject, **data):
    gegevens = {"versie": str(traject.horizon.versie), **data}
    return client.post(reverse("coalities:horizon_oordeel", kwargs={"pk": traject.pk}), gegevens)


def test_de_route_wacht_op_het_akkoord_van_elke_partner(
    client, coalitie_traject, partner, django_capture_on_commit_callbacks
):
    assert "partners_horizon" in onvervuld(coalitie_traject)
    client.force_login(partner.gebruiker)
    pagina = client.get(reverse("coalities:coalitie", kwargs={"pk": coalitie_traject.pk}))
    inhoud = pagina.content.decode()
    assert "Een groen park voor iedereen" in inhoud  # the ambition
    assert "Bezoekers per week: van 0 naar 200 (aantal)" in inhoud  # the indicators
    assert 'name="oordeel"' in inhoud and "checked" not in inhoud  # nothing chosen for them

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = oordeel(client, coalitie_traject, oordeel="ja")
    assert antwoord.status_code == 302
    partner.refresh_from_db()
    assert (partner.horizon_oordeel, partner.horizon_versie) == (HorizonOordeel.AKKOORD, 1)
    assert onvervuld(coalitie_traject) == set()


def test_alleen_het_laatste_akkoord_gaat_per_mail(
    client,
    coalitie_traject,
    partner,
    ambtenaar,
    initiatiefnemer,
    django_capture_on_commit_callbacks,
):
    tweede = partner_maken(
        coalitie_traject, "buur@example.org", "Buurtvereniging", horizon_akkoord=False
    )
    mail.outbox.clear()
    client.force_login(partner.gebruiker)
    with django_capture_on_commit_callbacks(execute=True):
        oordeel(client, coalitie_traject, oordeel="ja")
    assert mail.outbox == []  # the coalition page shows it; nobody needs to act yet
    client.force_login(tweede.gebruiker)
    with django_capture_on_commit_callbacks(execute=True):
        oordeel(client, coalitie_traject, oordeel="ja")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([ambtenaar.email, initiatiefnemer.email])
    assert "Elke partner is akkoord" in mail.outbox[0].subject


def test_niet_akkoord_vraagt_een_reden_en_bewaart_wat_er_stond(client, coalitie_traject, partner):
    client.force_login(partner.gebruiker)
    antwoord = oordeel(client, coalitie_traject, oordeel="nee", toelichting="  ")
    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert "Schrijf waarom u niet akkoord bent." in inhoud
    assert re.search(r'<input[^>]*value="nee"[^>]*checked', inhoud)  # the choice is kept
    assert not re.search(r'<input[^>]*value="ja"[^>]*checked', inhoud)
    partner.refresh_from_db()
    assert partner.horizon_oordeel == ""


def test_een_bezwaar_gaat_eenmaal_naar_initiatief_en_gemeente(
    client,
    coalitie_traject,
    partner,
    ambtenaar,
    initiatiefnemer,
    django_capture_on_commit_callbacks,
):
    andere = partner_maken(coalitie_traject, "buur@example.org", "Buurtvereniging")
    client.force_login(partner.gebruiker)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = oordeel(
            client, coalitie_traject, oordeel="nee", toelichting="De streefwaarde is te hoog."
        )
    assert antwoord.status_code == 302
    ontvangers = sorted(m.to[0] for m in mail.outbox)
    assert ontvangers == sorted([ambtenaar.email, initiatiefnemer.email])
    assert andere.gebruiker.email not in ontvangers
    assert "De streefwaarde is te hoog." in mail.outbox[0].body
    assert "partners_horizon" in onvervuld(coalitie_traject)

    # The same answer again: nothing changes, nobody gets a second mail.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        oordeel(client, coalitie_traject, oordeel="nee", toelichting="De streefwaarde is te hoog.")
    assert mail.outbox == []

    # The initiative sees the objection on the coalition page.
    client.force_login(initiatiefnemer)
    pagina = client.get(reverse("coalities:coalitie", kwargs={"pk": coalitie_traject.pk}))
    assert "Niet akkoord: De streefwaarde is te hoog." in pagina.content.decode()


def test_een_gewijzigde_horizon_vraagt_opnieuw_akkoord(client, coalitie_traject, partner):
    client.force_login(partner.gebruiker)
    assert oordeel(client, coalitie_traject, oordeel="ja").status_code == 302
    assert onvervuld(coalitie_traject) == set()
    # Back in phase 1 the horizon changed: version 2.
    coalitie_traject.horizon.versie = 2
    coalitie_traject.horizon.save()
    assert "partners_horizon" in onvervuld(coalitie_traject)
    # An answer from the page of version 1 is refused with a message, and nothing is saved.
    antwoord = client.post(
        reverse("coalities:horizon_oordeel", kwargs={"pk": coalitie_traject.pk}),
        {"versie": "1", "oordeel": "ja"},
        follow=True,
    )
    assert antwoord.status_code == 200
    assert "De stip aan de horizon is intussen gewijzigd." in antwoord.content.decode()
    partner.refresh_from_db()
    assert partner.horizon_versie == 1


def test_na_de_coalitiefase_is_het_een_melding(client, coalitie_traject, partner):
    in_status(coalitie_traject, TrajectStatus.ROUTE)
    client.force_login(partner.gebruiker)
    antwoord = oordeel(client, coalitie_traject, oordeel="ja")
    assert antwoord.status_code == 302
    volgend = client.get(antwoord.url)
    assert "kan alleen in de fase Vitale coalities" in volgend.content.decode()
    partner.refresh_from_db()
    assert partner.horizon_oordeel == ""


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"versie": "1"},
        {"versie": "x", "oordeel": "ja"},
        {"versie": "-1", "oordeel": "ja"},
        {"versie": "1", "oordeel": "misschien"},
        {"versie": "1", "oordeel": "nee", "toelichting": "x" * 2001},
    ],
)
def test_onzin_geeft_400_en_slaat_niets_op(client, coalitie_traject, partner, data):
    client.force_login(partner.gebruiker)
    antwoord = client.post(
        reverse("coalities:horizon_oordeel", kwargs={"pk": coalitie_traject.pk}), data
    )
    assert antwoord.status_code == 400
    partner.refresh_from_db()
    assert partner.horizon_oordeel == ""


def test_alleen_de_partner_zelf(client, coalitie_traject, partner, ambtenaar, initiatiefnemer):
    for wie in (ambtenaar, initiatiefnemer):
        client.force_login(wie)
        assert oordeel(client, coalitie_traject, oordeel="ja").status_code == 403
    vreemde = UserFactory(email="vreemde@example.org")
    GemeenteFactory()
    client.force_login(vreemde)
    assert oordeel(client, coalitie_traject, oordeel="ja").status_code == 404
    client.logout()
    assert oordeel(client, coalitie_traject, oordeel="ja").status_code == 302  # to log in
    partner.refresh_from_db()
    assert partner.horizon_oordeel == ""
    assert not Partner.objects.filter(horizon_oordeel=HorizonOordeel.AKKOORD).exists()


def test_mijn_pagina_vraagt_het_de_partner(client, coalitie_traject, partner):
    client.force_login(partner.gebruiker)
    mijn = reverse("overzicht:mijn_trajecten")
    taak = "Zeggen of u akkoord bent met de stip aan de horizon"
    assert taak in client.get(mijn).content.decode()
    oordeel(client, coalitie_traject, oordeel="ja")
    assert taak not in client.get(mijn).content.decode()
