"""The route: computed totals, edits as a draft (no version, no mail), a version with what
changed when a party asks the others to agree, agreements that stop counting when the draft
changes, and the requirements of coalitie → route and route → overdracht."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from aanbesteden.constants import TrajectStatus
from aanbesteden.fasen import fasen
from aanbesteden.models import Traject
from aanbesteden.services import TransitieGeweigerd, traject_transitie
from coalities import selectors, services
from coalities.models import Inzet, RouteAkkoord, RouteVersie
from tests.coalities.factories import in_status, partner_maken, route_compleet

pytestmark = pytest.mark.django_db


def onvervuld(traject, transitie):
    return {v.code for v in fasen.onvervuld(Traject.objects.get(pk=traject.pk), transitie)}


def test_vereisten_naar_route(coalitie_traject, initiatiefnemer):
    assert {"partner_bevestigd"} <= onvervuld(coalitie_traject, "naar_route")
    uitnodiging, _token = services._uitnodiging_maken(
        traject=coalitie_traject,
        door=None,
        email="x@example.org",
        naam="",
        organisatie="",
        bericht="",
    )
    assert "uitnodigingen_beantwoord" in onvervuld(coalitie_traject, "naar_route")
    services.uitnodiging_intrekken(uitnodiging=uitnodiging, door=initiatiefnemer)
    partner_maken(coalitie_traject, "p@example.org")
    assert onvervuld(coalitie_traject, "naar_route") == set()
    traject_transitie(
        traject=Traject.objects.get(pk=coalitie_traject.pk),
        transitie="naar_route",
        door=initiatiefnemer,
    )
    assert Traject.objects.get(pk=coalitie_traject.pk).status == TrajectStatus.ROUTE


def test_transitie_geweigerd_met_redenen_zolang_niet_alles_klaar_is(coalitie_traject, ambtenaar):
    with pytest.raises(TransitieGeweigerd) as exc:
        traject_transitie(traject=coalitie_traject, transitie="naar_route", door=ambtenaar)
    assert any("partner" in r for r in exc.value.redenen)


def test_complete_route_mag_naar_overdracht(
    route_traject, ambtenaar, initiatiefnemer, coalitie_partner
):
    assert onvervuld(route_traject, "naar_overdracht") >= {
        "mijlpaal",
        "route_kader",
        "inzet_partners",
        "begroting_dekt",
        "route_akkoord",
    }
    route_compleet(route_traject, ambtenaar, initiatiefnemer, [coalitie_partner])
    assert onvervuld(route_traject, "naar_overdracht") == set()
    traject_transitie(
        traject=Traject.objects.get(pk=route_traject.pk),
        transitie="naar_overdracht",
        door=ambtenaar,
    )


def _post(traject, omschrijving, bedrag="50"):
    return {
        "soort": "kosten",
        "bron": "",
        "omschrijving": omschrijving,
        "bedrag": Decimal(bedrag),
        "mijlpaal": None,
    }


def test_een_zitting_van_wijzigingen_maakt_geen_versie_en_geen_bericht(
    client, route_traject, ambtenaar, initiatiefnemer, django_capture_on_commit_callbacks
):
    """The issue's sitting: milestones, contributions and budget entered one after another."""
    from meldingen.models import Notificatie

    pk = route_traject.pk
    meldingen_voor = Notificatie.objects.count()
    mail.outbox.clear()
    client.force_login(initiatiefnemer)
    with django_capture_on_commit_callbacks(execute=True):
        for url, data in [
            ("coalities:route_kader", {"startdatum": "2030-01-01", "looptijd_maanden": "18"}),
            *[
                (
                    "coalities:mijlpaal_nieuw",
                    {
                        "titel": f"Mijlpaal {n}",
                        "datum": f"2030-0{n}-01",
                        "verantwoordelijke": "initiatief",
                    },
                )
                for n in range(1, 6)
            ],
            *[
                (
                    "coalities:inzet_nieuw",
                    {
                        "partij": "initiatief",
                        "soort": "uren",
                        "hoeveelheid": "10",
                        "eenheid": "uur",
                    },
                )
                for _n in range(3)
            ],
            *[
                (
                    "coalities:begrotingspost_nieuw",
                    {"soort": "kosten", "omschrijving": f"Post {n}", "bedrag": "1.000,00"},
                )
                for n in range(4)
            ],
        ]:
            antwoord = client.post(reverse(url, kwargs={"pk": pk}), data)
            assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
        antwoord = client.post(
            reverse("coalities:inzet_bevestigen", kwargs={"pk": pk}), {"partij": "initiatief"}
        )
        assert antwoord.status_code == 302
    route = services.route_ophalen_of_maken(route_traject)
    assert (route.versie, route.concept_gewijzigd) == (0, True)
    assert len(route.concept_wijzigingen) == 13
    assert not RouteVersie.objects.exists()
    assert mail.outbox == []
    assert Notificatie.objects.count() == meldingen_voor
    pagina = client.get(reverse("coalities:route", kwargs={"pk": pk})).content.decode()
    assert "Route is klaar: vraag akkoord" in pagina
    assert "Akkoord geven op versie" not in pagina


def test_akkoord_vragen_legt_een_versie_vast_en_stuurt_ieder_een_bericht(
    client,
    route_traject,
    ambtenaar,
    initiatiefnemer,
    coalitie_partner,
    django_capture_on_commit_callbacks,
):
    traject = route_compleet(route_traject, ambtenaar, initiatiefnemer, [coalitie_partner])
    route = services.route_ophalen_of_maken(traject)
    versie = route.versie
    assert versie == 1 and not route.concept_gewijzigd
    assert RouteAkkoord.objects.filter(route=route, versie=versie).count() == 3
    assert onvervuld(traject, "naar_overdracht") == set()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.begrotingspost_opslaan(
            traject=traject, door=initiatiefnemer, gegevens=_post(traject, "Extra verf")
        )
    route.refresh_from_db()
    # An edit: no version, no mail; the agreements on version 1 no longer count.
    assert (route.versie, route.concept_gewijzigd) == (versie, True)
    assert mail.outbox == []
    assert "route_akkoord" in onvervuld(traject, "naar_overdracht")
    assert "begroting_dekt" in onvervuld(traject, "naar_overdracht")
    with pytest.raises(services.CoalitieFout):
        services.route_akkoord_geven(
            traject=traject, door=ambtenaar, partij_soort="gemeente", versie=versie
        )

    # The initiative asks: version 2 with what changed, one message for every other person.
    client.force_login(initiatiefnemer)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("coalities:akkoord_vragen", kwargs={"pk": traject.pk}),
            {"toelichting": "Verf voor de bankjes."},
        )
    assert antwoord.status_code == 302
    route.refresh_from_db()
    assert (route.versie, route.concept_gewijzigd, route.concept_wijzigingen) == (
        versie + 1,
        False,
        [],
    )
    laatste = RouteVersie.objects.get(route=route, versie=route.versie)
    assert "Extra verf" in laatste.wijziging and "Verf voor de bankjes." in laatste.wijziging
    assert any(p["omschrijving"] == "Extra verf" for p in laatste.inhoud["begroting"])
    assert RouteVersie.objects.filter(route=route, versie=versie).exists()  # history kept
    ontvangers = sorted(m.to[0] for m in mail.outbox)
    assert ontvangers == sorted([ambtenaar.email, coalitie_partner.gebruiker.email])
    assert all("Extra verf" in m.body and "> Verf voor de bankjes." in m.body for m in mail.outbox)
    # Asking is the initiative's own agreement.
    assert list(
        RouteAkkoord.objects.filter(route=route, versie=route.versie).values_list(
            "partij_soort", flat=True
        )
    ) == ["initiatief"]
    # Nothing changed since: asking again is refused, and nobody is mailed.
    with pytest.raises(services.CoalitieFout):
        services.route_akkoord_vragen(traject=traject, door=ambtenaar)


def test_akkoord_op_oude_versie_geweigerd(
    route_traject, ambtenaar, initiatiefnemer, coalitie_partner
):
    traject = route_compleet(route_traject, ambtenaar, initiatiefnemer, [coalitie_partner])
    oud = services.route_ophalen_of_maken(traject).versie
    services.route_kader_opslaan(
        traject=traject,
        door=ambtenaar,
        startdatum=date(2030, 1, 1),
        looptijd_maanden=13,
    )
    with pytest.raises(services.CoalitieFout):
        services.route_akkoord_geven(
            traject=traject, door=ambtenaar, partij_soort="gemeente", versie=oud
        )


def test_een_akkoord_mailt_niemand_het_laatste_meldt_het_aan_de_gemeente(
    client,
    route_traject,
    ambtenaar,
    initiatiefnemer,
    coalitie_partner,
    django_capture_on_commit_callbacks,
):
    route_compleet(route_traject, ambtenaar, initiatiefnemer, [coalitie_partner])
    services.route_kader_opslaan(
        traject=route_traject,
        door=ambtenaar,
        startdatum=date(2030, 1, 1),
        looptijd_maanden=14,
    )
    versie = services.route_akkoord_vragen(traject=route_traject, door=ambtenaar).versie
    mail.outbox.clear()
    client.force_login(coalitie_partner.gebruiker)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("coalities:akkoord", kwargs={"pk": route_traject.pk}),
            {"partij": f"partner-{coalitie_partner.pk}", "versie": versie},
        )
    assert antwoord.status_code == 302
    assert RouteAkkoord.objects.filter(versie=versie, partner=coalitie_partner).exists()
    assert mail.outbox == []
    client.force_login(initiatiefnemer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("coalities:akkoord", kwargs={"pk": route_traject.pk}),
            {"partij": "initiatief", "versie": versie},
        )
    assert [m.to[0] for m in mail.outbox] == [ambtenaar.email]
    assert "Iedereen is akkoord" in mail.outbox[0].subject
    assert onvervuld(route_traject, "naar_overdracht") == set()


def test_partner_geeft_alleen_eigen_inzet_en_akkoord(
    client, route_traject, coalitie_partner, ambtenaar
):
    tweede = partner_maken(
        in_status(route_traject, TrajectStatus.COALITIE), "twee@example.org", "Twee"
    )
    traject = in_status(route_traject, TrajectStatus.ROUTE)
    client.force_login(coalitie_partner.gebruiker)
    url = reverse("coalities:inzet_nieuw", kwargs={"pk": traject.pk})
    gegevens = {
        "soort": "uren",
        "hoeveelheid": "12",
        "eenheid": "uur",
        "omschrijving": "",
        "mijlpaal": "",
    }
    # Tampered party: the other partner, or the gemeente.
    for partij in (f"partner-{tweede.pk}", "gemeente", "initiatief"):
        antwoord = client.post(url, {**gegevens, "partij": partij})
        assert antwoord.status_code == 400
    assert not Inzet.objects.exists()
    assert (
        client.post(url, {**gegevens, "partij": f"partner-{coalitie_partner.pk}"}).status_code
        == 302
    )
    inzet = Inzet.objects.get()
    assert inzet.partner == coalitie_partner and inzet.bevestigd_op is None
    # The other partner cannot change or delete it.
    client.force_login(tweede.gebruiker)
    assert (
        client.get(
            reverse("coalities:inzet", kwargs={"pk": traject.pk, "id": inzet.pk})
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse(
                "coalities:verwijderen", kwargs={"pk": traject.pk, "soort": "inzet", "id": inzet.pk}
            )
        ).status_code
        == 403
    )
    assert Inzet.objects.filter(pk=inzet.pk).exists()
    # Confirming only confirms one's own.
    client.force_login(coalitie_partner.gebruiker)
    client.post(
        reverse("coalities:inzet_bevestigen", kwargs={"pk": traject.pk}),
        {"partij": f"partner-{coalitie_partner.pk}"},
    )
    inzet.refresh_from_db()
    assert inzet.bevestigd_op is not None


def test_totalen_worden_berekend(route_traject, ambtenaar, initiatiefnemer, coalitie_partner):
    traject = route_compleet(route_traject, ambtenaar, initiatiefnemer, [coalitie_partner])
    services.begrotingspost_opslaan(
        traject=traject,
        door=initiatiefnemer,
        gegevens={
            "soort": "dekking",
            "bron": "fonds",
            "omschrijving": "Fonds",
            "bedrag": Decimal("250.50"),
            "mijlpaal": None,
        },
    )
    b = selectors.begroting(traject=traject)
    assert (b.kosten, b.dekking, b.dekking_gemeente, b.tranches_totaal) == (
        Decimal("1000"),
        Decimal("1250.50"),
        Decimal("1000"),
        Decimal("1000"),
    )
    assert b.dekt and b.tranches_kloppen
    overzicht = selectors.route_overzicht(traject=traject)
    partner_rij = overzicht["matrix"]["partijen"][2]
    assert partner_rij.cellen["uren"] == [(Decimal("10"), "uur")]
    assert partner_rij.bevestigd


def test_begroting_die_niet_klopt_staat_op_de_routepagina(client, route_traject, initiatiefnemer):
    services.begrotingspost_opslaan(
        traject=route_traject,
        door=initiatiefnemer,
        gegevens={
            "soort": "kosten",
            "bron": "",
            "omschrijving": "Huur",
            "bedrag": Decimal("1000"),
            "mijlpaal": None,
        },
    )
    services.begrotingspost_opslaan(
        traject=route_traject,
        door=initiatiefnemer,
        gegevens={
            "soort": "dekking",
            "bron": "gemeente",
            "omschrijving": "Gemeente",
            "bedrag": Decimal("400"),
            "mijlpaal": None,
        },
    )
    client.force_login(initiatiefnemer)
    inhoud = client.get(
        reverse("coalities:route", kwargs={"pk": route_traject.pk})
    ).content.decode()
    assert "De begroting klopt nog niet" in inhoud
    assert "€ 600 tekort" in inhoud  # the shortfall, written as people read it
    assert "tranches van de gemeente" in inhoud
