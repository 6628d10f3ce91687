"""Bad input on every form gives a clear message and saves nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from aanbesteden.opmaak import getal_invoer, getal_lezen
from coalities import services
from coalities.models import Begrotingspost, Inzet, Mijlpaal, Partner, Route, RouteVersie, Tranche

pytestmark = pytest.mark.django_db


@pytest.fixture
def met_kader(route_traject, initiatiefnemer):
    services.route_kader_opslaan(
        traject=route_traject,
        door=initiatiefnemer,
        startdatum=date(2030, 1, 1),
        looptijd_maanden=12,
    )
    return route_traject


def versie(traject):
    """The route's state: its version and what changed in its draft (a refused edit changes
    neither)."""
    route = Route.objects.get(traject=traject)
    return route.versie, len(route.concept_wijzigingen)


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        ("1.000,50", Decimal("1000.50")),
        ("1000,50", Decimal("1000.50")),
        ("1000", Decimal("1000")),
        ("1.000", Decimal("1000")),
        ("12.345.678,9", Decimal("12345678.9")),
        ("€ 2.500", Decimal("2500")),
        ("0,5", Decimal("0.5")),
    ],
)
def test_nederlandse_getallen(invoer, verwacht):
    with translation.override("nl"):
        assert getal_lezen(invoer) == verwacht


@pytest.mark.parametrize(
    "invoer", ["1000.50", "1,000.50", "1.00.0", "1,2,3", "12a", "1.0000", "", ",", "1 000,5x"]
)
def test_dubbelzinnig_of_onzin_in_het_nederlands(invoer):
    with translation.override("nl"), pytest.raises(ValueError):
        getal_lezen(invoer)


def test_engelse_getallen_in_de_engelse_interface():
    with translation.override("en"):
        assert getal_lezen("1,000.50") == Decimal("1000.50")
        with pytest.raises(ValueError):
            getal_lezen("1.000,50")


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_tonen_en_lezen_keren_elkaar_om(getal):
    with translation.override("nl"):
        if getal > 0:
            assert getal_lezen(getal_invoer(getal)) == getal


def post(client, naam, traject, data, **kwargs):
    return client.post(reverse(f"coalities:{naam}", kwargs={"pk": traject.pk, **kwargs}), data)


@pytest.mark.parametrize(
    ("bedrag", "melding"),
    [
        ("-5", "groter dan nul"),
        ("0", "groter dan nul"),
        ("99999999999999", "te groot"),
        ("1e9", "Vul een getal in"),
        ("1000.50", "komma voor de centen"),
        ("1,005", "twee cijfers"),
        ("", "verplicht"),
    ],
)
def test_begrotingspost_foute_bedragen(client, met_kader, initiatiefnemer, bedrag, melding):
    client.force_login(initiatiefnemer)
    voor = versie(met_kader)
    antwoord = post(
        client,
        "begrotingspost_nieuw",
        met_kader,
        {"soort": "kosten", "omschrijving": "Huur", "bedrag": bedrag, "bron": ""},
    )
    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()
    assert not Begrotingspost.objects.exists()
    assert versie(met_kader) == voor


def test_begrotingspost_nederlands_bedrag_goed_bewaard(client, met_kader, initiatiefnemer):
    client.force_login(initiatiefnemer)
    antwoord = post(
        client,
        "begrotingspost_nieuw",
        met_kader,
        {"soort": "dekking", "bron": "fonds", "omschrijving": "Fonds", "bedrag": "1.000,50"},
    )
    assert antwoord.status_code == 302
    assert Begrotingspost.objects.get().bedrag == Decimal("1000.50")


def test_dekking_zonder_bron(client, met_kader, initiatiefnemer):
    client.force_login(initiatiefnemer)
    antwoord = post(
        client,
        "begrotingspost_nieuw",
        met_kader,
        {"soort": "dekking", "bron": "", "omschrijving": "X", "bedrag": "10"},
    )
    assert antwoord.status_code == 400
    assert "waar het geld vandaan komt" in antwoord.content.decode()
    assert not Begrotingspost.objects.exists()


@pytest.mark.parametrize(
    ("datum", "melding"),
    [
        ("2031-06-01", "na het einde"),
        ("2029-12-31", "vóór de start"),
        ("31-02-2030", "geldige datum"),
        ("", "verplicht"),
    ],
)
def test_mijlpaal_buiten_de_looptijd(client, met_kader, initiatiefnemer, datum, melding):
    client.force_login(initiatiefnemer)
    antwoord = post(
        client,
        "mijlpaal_nieuw",
        met_kader,
        {"titel": "Klaar", "datum": datum, "verantwoordelijke": "initiatief"},
    )
    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()
    assert not Mijlpaal.objects.exists()


def test_mijlpaal_van_andere_partner_of_titel_te_lang(
    client, met_kader, initiatiefnemer, ander_coalitie_traject
):
    vreemd = Partner.objects.create(
        traject=ander_coalitie_traject,
        gebruiker=initiatiefnemer,
        organisatie="V",
        contactpersoon="V",
        rol="adviseur",
    )
    client.force_login(initiatiefnemer)
    for data in (
        {"titel": "Klaar", "datum": "2030-02-01", "verantwoordelijke": f"partner-{vreemd.pk}"},
        {"titel": "x" * 201, "datum": "2030-02-01", "verantwoordelijke": "initiatief"},
        {"titel": "", "datum": "2030-02-01", "verantwoordelijke": "initiatief"},
    ):
        assert post(client, "mijlpaal_nieuw", met_kader, data).status_code == 400
    assert not Mijlpaal.objects.exists()


def test_kader_dat_mijlpalen_buitensluit(client, met_kader, initiatiefnemer):
    services.mijlpaal_opslaan(
        traject=met_kader,
        door=initiatiefnemer,
        gegevens={
            "titel": "Laat",
            "omschrijving": "",
            "datum": date(2030, 11, 1),
            "indicator": None,
            "verantwoordelijke_soort": "initiatief",
            "verantwoordelijke_partner": None,
        },
    )
    client.force_login(initiatiefnemer)
    voor = versie(met_kader)
    antwoord = post(
        client, "route_kader", met_kader, {"startdatum": "2030-01-01", "looptijd_maanden": "6"}
    )
    assert antwoord.status_code == 400
    assert "Laat" in antwoord.content.decode()
    for datum in ("9999-12-01", "0001-01-01", "2030-13-01"):
        antwoord = post(
            client, "route_kader", met_kader, {"startdatum": datum, "looptijd_maanden": "12"}
        )
        assert antwoord.status_code == 400
    for maanden in ("0", "241", "-1", "zes", "99999999999999999999"):
        assert (
            post(
                client,
                "route_kader",
                met_kader,
                {"startdatum": "2030-01-01", "looptijd_maanden": maanden},
            ).status_code
            == 400
        )
    route = Route.objects.get(traject=met_kader)
    assert (route.looptijd_maanden, versie(met_kader)) == (12, voor)


@pytest.mark.parametrize("hoeveelheid", ["-3", "0", "1e400", "10000000000000", "abc", "1,2,3"])
def test_inzet_foute_hoeveelheid(client, met_kader, coalitie_partner, hoeveelheid):
    client.force_login(coalitie_partner.gebruiker)
    antwoord = post(
        client,
        "inzet_nieuw",
        met_kader,
        {
            "partij": f"partner-{coalitie_partner.pk}",
            "soort": "uren",
            "hoeveelheid": hoeveelheid,
            "eenheid": "uur",
        },
    )
    assert antwoord.status_code == 400
    assert "utrecht-form-field-error-message" in antwoord.content.decode()
    assert not Inzet.objects.exists()


def test_inzet_onbekende_soort_en_vreemde_mijlpaal(
    client, met_kader, coalitie_partner, ander_coalitie_traject
):
    vreemde = Mijlpaal.objects.create(
        traject=ander_coalitie_traject, titel="Vreemd", datum=date(2030, 2, 1)
    )
    client.force_login(coalitie_partner.gebruiker)
    basis = {
        "partij": f"partner-{coalitie_partner.pk}",
        "soort": "uren",
        "hoeveelheid": "3",
        "eenheid": "uur",
    }
    assert post(client, "inzet_nieuw", met_kader, {**basis, "soort": "goud"}).status_code == 400
    assert (
        post(client, "inzet_nieuw", met_kader, {**basis, "mijlpaal": vreemde.pk}).status_code == 400
    )
    assert post(client, "inzet_nieuw", met_kader, {**basis, "eenheid": ""}).status_code == 400
    assert not Inzet.objects.exists()


def test_tranche_fouten(client, met_kader, ambtenaar, ander_coalitie_traject):
    m = Mijlpaal.objects.create(traject=met_kader, titel="M", datum=date(2030, 3, 1))
    vreemd = Mijlpaal.objects.create(
        traject=ander_coalitie_traject, titel="V", datum=date(2030, 3, 1)
    )
    client.force_login(ambtenaar)
    basis = {
        "omschrijving": "Eerste",
        "bedrag": "500",
        "vorm": "subsidie",
        "datum": "2030-03-01",
        "mijlpaal": m.pk,
    }
    for fout in (
        {"bedrag": "-500"},
        {"vorm": "cadeau"},
        {"datum": "2032-01-01"},
        {"bedrag": "5.00,0"},
        {"mijlpaal": ""},
        {"mijlpaal": vreemd.pk},
    ):
        assert post(client, "tranche_nieuw", met_kader, {**basis, **fout}).status_code == 400
    assert not Tranche.objects.exists()
    assert post(client, "tranche_nieuw", met_kader, basis).status_code == 302


def test_uitnodiging_fouten(client, coalitie_traject, initiatiefnemer):
    client.force_login(initiatiefnemer)
    url = reverse("coalities:uitnodigen", kwargs={"pk": coalitie_traject.pk})
    for data in (
        {"email": "geen-adres"},
        {"email": ""},
        {"email": "a@example.org", "bericht": "x" * 2001},
    ):
        assert client.post(url, data).status_code == 400
    from coalities.models import Uitnodiging

    assert not Uitnodiging.objects.exists()


def test_accepteren_met_foute_gegevens_slaat_niets_op(client, coalitie_traject):
    _u, token = services._uitnodiging_maken(
        traject=coalitie_traject,
        door=None,
        email="n@example.org",
        naam="",
        organisatie="",
        bericht="",
    )
    url = reverse("coalities:uitnodiging", kwargs={"token": token})
    goed = {
        "actie": "accepteren",
        "organisatie": "Club",
        "soort": "organisatie",
        "contactpersoon": "Kees",
        "rol": "adviseur",
    }
    for fout in (
        {"kvk_nummer": "1234"},
        {"rol": ""},
        {"rol": "baas"},
        {"organisatie": ""},
        {"soort": "geheim"},
    ):
        antwoord = client.post(url, {**goed, **fout})
        assert antwoord.status_code == 400
        assert "utrecht-form-field-error-message" in antwoord.content.decode()
    assert client.post(url, {"actie": "iets"}).status_code == 400
    from aanbesteden.models import User

    assert not Partner.objects.exists()
    assert not User.objects.filter(email="n@example.org").exists()
    assert "_auth_user_id" not in client.session


def test_route_wijzigen_buiten_de_routefase(client, coalitie_traject, initiatiefnemer):
    client.force_login(initiatiefnemer)
    antwoord = post(
        client,
        "mijlpaal_nieuw",
        coalitie_traject,
        {"titel": "X", "datum": "2030-02-01", "verantwoordelijke": "initiatief"},
    )
    assert antwoord.status_code == 409
    assert not Mijlpaal.objects.exists()
    assert not RouteVersie.objects.exists()


def test_verkeerde_methode(client, route_traject, initiatiefnemer):
    client.force_login(initiatiefnemer)
    assert (
        client.get(reverse("coalities:akkoord", kwargs={"pk": route_traject.pk})).status_code == 405
    )
    assert (
        client.get(
            reverse("coalities:inzet_bevestigen", kwargs={"pk": route_traject.pk})
        ).status_code
        == 405
    )


def test_akkoord_met_gemanipuleerde_versie(client, route_traject, initiatiefnemer):
    client.force_login(initiatiefnemer)
    for data in (
        {"partij": "initiatief", "versie": "abc"},
        {"partij": "initiatief"},
        {"partij": "gemeente", "versie": "1"},
    ):
        assert (
            client.post(
                reverse("coalities:akkoord", kwargs={"pk": route_traject.pk}), data
            ).status_code
            == 302
        )
    from coalities.models import RouteAkkoord

    assert not RouteAkkoord.objects.exists()
