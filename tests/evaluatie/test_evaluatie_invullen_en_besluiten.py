"""Filling in an evaluation and deciding: access per role, bad input, the four decisions."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from evaluatie import services
from evaluatie.models import Evaluatie, EvaluatieBijdrage, Exitplan, Meting, Verankering

from .factories import VANDAAG

D = datetime.date


@pytest.fixture
def moment(eval_traject):
    return eval_traject.evaluatiemomenten.order_by("gepland_op").first()


def _url(naam, moment, **kw):
    return reverse(f"evaluatie:{naam}", kwargs={"pk": moment.traject_id, "moment": moment.pk, **kw})


def _bijdrage_data(indicatoren, tranches, **over):
    data = {"wat_ging_goed": "Veel mensen in het park.", "wat_kan_beter": "Meer prullenbakken."}
    for ind in indicatoren:
        data[f"meting_{ind.pk}_waarde"] = "150"
        data[f"meting_{ind.pk}_bron"] = "Telling"
        data[f"meting_{ind.pk}_datum"] = "2027-02-20"
    for tr in tranches:
        data[f"besteding_{tr.pk}_bedrag"] = "2500,50"
        data[f"besteding_{tr.pk}_toelichting"] = "Bankjes"
    data.update(over)
    return data


def _alle_bijdragen(moment, initiatiefnemer, bevestigde_partner, indicatoren):
    metingen = {i.pk: (Decimal("150"), "Telling", D(2027, 2, 20)) for i in indicatoren}
    for partner, door in (
        (None, initiatiefnemer),
        (bevestigde_partner, bevestigde_partner.gebruiker),
    ):
        services.bijdrage_indienen(
            moment=moment,
            door=door,
            partner=partner,
            metingen=metingen,
            bestedingen={},
            wat_ging_goed="Goed",
            wat_kan_beter="Beter",
        )


# --- access ---------------------------------------------------------------------------------
MOMENT_PAGINAS = ["moment", "bijdrage", "visie", "besluit", "moment_verplaatsen"]
#: who may open each page (GET) on their own traject
MAG = {
    "moment": {"ambtenaar", "initiatiefnemer", "partner"},
    "bijdrage": {"initiatiefnemer", "partner"},
    "visie": {"ambtenaar"},
    "besluit": {"ambtenaar"},
    "moment_verplaatsen": {"ambtenaar"},
}


@pytest.mark.parametrize("pagina", MOMENT_PAGINAS)
@pytest.mark.parametrize(
    "rol",
    [
        "anoniem",
        "ambtenaar",
        "ambtenaar_andere_gemeente",
        "initiatiefnemer",
        "partner",
        "initiatiefnemer_ander_traject",
        "partner_ander_traject",
    ],
)
def test_toegang_per_rol(client, rollen, moment, bevestigde_partner, pagina, rol):
    gebruiker = rollen[rol]
    if gebruiker is not None:
        client.force_login(gebruiker)
    antwoord = client.get(_url(pagina, moment))
    if rol == "anoniem":
        assert antwoord.status_code == 302 and "/inloggen/" in antwoord["Location"]
    elif rol in (
        "ambtenaar_andere_gemeente",
        "initiatiefnemer_ander_traject",
        "partner_ander_traject",
    ):
        assert antwoord.status_code == 404
    elif rol in MAG[pagina]:
        assert antwoord.status_code == 200
    else:
        assert antwoord.status_code == 403


def test_moment_van_ander_traject_is_404(client, ambtenaar, moment, ander_traject):
    from evaluatie.models import Evaluatiemoment

    ander = Evaluatiemoment.objects.create(traject=ander_traject, gepland_op=D(2027, 6, 1))
    client.force_login(ambtenaar)
    url = reverse("evaluatie:moment", kwargs={"pk": moment.traject_id, "moment": ander.pk})
    assert client.get(url).status_code == 404
    url = reverse("evaluatie:besluit", kwargs={"pk": moment.traject_id, "moment": ander.pk})
    assert client.post(url, {"conclusie": "doorgaan", "toelichting": "x"}).status_code == 404


def test_partnerrol_zonder_bevestigde_partner_krijgt_403(
    client, eval_traject, moment, ander_partner
):
    from aanbesteden.permissions import rol_toekennen

    rol_toekennen(traject=eval_traject, user=ander_partner, rol="partner")
    client.force_login(ander_partner)
    antwoord = client.get(_url("bijdrage", moment))
    assert antwoord.status_code == 403


# --- filling in -----------------------------------------------------------------------------
def test_initiatief_vult_deel_in(client, initiatiefnemer, moment, indicatoren, tranches):
    client.force_login(initiatiefnemer)
    antwoord = client.post(_url("bijdrage", moment), _bijdrage_data(indicatoren, tranches))
    assert antwoord.status_code == 302
    bijdrage = EvaluatieBijdrage.objects.get(evaluatie__moment=moment)
    assert bijdrage.partij_soort == "initiatief" and bijdrage.partner is None
    assert bijdrage.ingediend_op is not None
    assert sorted(Meting.objects.values_list("waarde", flat=True)) == [Decimal("150")] * 2
    assert bijdrage.bestedingen.get().bedrag == Decimal("2500.50")
    # Editing again replaces, never duplicates.
    client.post(
        _url("bijdrage", moment),
        _bijdrage_data(indicatoren, tranches, **{f"meting_{indicatoren[0].pk}_waarde": "175,5"}),
    )
    assert Meting.objects.count() == 2
    assert Meting.objects.get(indicator=indicatoren[0]).waarde == Decimal("175.5")


def test_partner_vult_eigen_deel_in(
    client, partner, bevestigde_partner, moment, indicatoren, tranches
):
    client.force_login(partner)
    assert (
        client.post(_url("bijdrage", moment), _bijdrage_data(indicatoren, tranches)).status_code
        == 302
    )
    assert EvaluatieBijdrage.objects.get().partner == bevestigde_partner


@pytest.mark.parametrize(
    "veld,waarde,melding",
    [
        ("waarde", "abc", "Vul een getal in"),
        ("waarde", "1e400", "Vul een getal in"),
        ("waarde", "99999999999999999999", "te groot"),
        ("waarde", "NaN", "Vul een getal in"),
        ("waarde", "1.000.0000", "Vul een getal in"),
        ("waarde", "175.5", "een komma voor de centen"),
        ("waarde", "12,345", "twee cijfers"),
        ("bron", "", "bron"),
        ("datum", "gisteren", "geldige datum"),
        ("datum", "2027-05-01", "toekomst"),
    ],
)
def test_slechte_invoer_meting(
    client, initiatiefnemer, moment, indicatoren, tranches, veld, waarde, melding
):
    client.force_login(initiatiefnemer)
    data = _bijdrage_data(indicatoren, tranches, **{f"meting_{indicatoren[0].pk}_{veld}": waarde})
    antwoord = client.post(_url("bijdrage", moment), data)
    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()
    assert not EvaluatieBijdrage.objects.exists()


@pytest.mark.parametrize("bedrag,melding", [("-5", "minstens 0"), ("x", "Vul een getal in")])
def test_slechte_invoer_besteding(
    client, initiatiefnemer, moment, indicatoren, tranches, bedrag, melding
):
    client.force_login(initiatiefnemer)
    data = _bijdrage_data(indicatoren, tranches, **{f"besteding_{tranches[0].pk}_bedrag": bedrag})
    antwoord = client.post(_url("bijdrage", moment), data)
    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()


def test_indicator_van_ander_traject_geweigerd(moment, initiatiefnemer, ander_traject):
    from initiatieven.models import Horizon, Indicator

    vreemd = Indicator.objects.create(
        horizon=Horizon.objects.create(traject=ander_traject), naam="X", eenheid="aantal"
    )
    with pytest.raises(services.EvaluatieFout, match="hoort niet bij dit traject"):
        services.bijdrage_indienen(
            moment=moment,
            door=initiatiefnemer,
            metingen={vreemd.pk: (Decimal(1), "b", VANDAAG)},
            bestedingen={},
            wat_ging_goed="",
            wat_kan_beter="",
        )
    assert not EvaluatieBijdrage.objects.exists()


def test_verkeerde_methode(client, initiatiefnemer, moment):
    client.force_login(initiatiefnemer)
    assert client.put(_url("bijdrage", moment)).status_code == 405


# --- deciding -------------------------------------------------------------------------------
def test_besluit_zonder_alle_bijdragen_vraagt_uitleg(
    client, ambtenaar, moment, initiatiefnemer, indicatoren
):
    client.force_login(ambtenaar)
    # Parties are missing: the reason is asked, as a required field (not "niet verplicht").
    pagina = client.get(_url("besluit", moment)).content.decode()
    assert 'name="ontbrekend_reden"' in pagina and "niet verplicht" not in pagina
    antwoord = client.post(
        _url("besluit", moment), {"conclusie": "doorgaan", "toelichting": "Goed zo"}
    )
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Nog niet alle partijen" in html
    # What the official chose and wrote is still there.
    assert re.search(r'<input[^>]*value="doorgaan"[^>]*checked', html)
    assert "Goed zo</textarea>" in html
    assert not Evaluatie.objects.filter(besloten_op__isnull=False).exists()
    antwoord = client.post(
        _url("besluit", moment),
        {"conclusie": "doorgaan", "toelichting": "Goed zo", "ontbrekend_reden": "Partner ziek"},
    )
    assert antwoord.status_code == 302
    moment.refresh_from_db()
    assert moment.status == "afgerond"


@pytest.mark.parametrize(
    "data,melding",
    [
        ({"conclusie": "", "toelichting": "x"}, "Kies een besluit"),
        ({"conclusie": "opheffen", "toelichting": "x"}, "Kies een besluit"),
        ({"conclusie": "doorgaan", "toelichting": ""}, "Licht het besluit toe"),
    ],
)
def test_besluit_slechte_invoer(client, ambtenaar, moment, data, melding):
    client.force_login(ambtenaar)
    antwoord = client.post(_url("besluit", moment), data)
    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()


def test_doorgaan(
    ambtenaar,
    moment,
    initiatiefnemer,
    bevestigde_partner,
    indicatoren,
    django_capture_on_commit_callbacks,
):
    _alle_bijdragen(moment, initiatiefnemer, bevestigde_partner, indicatoren)
    with django_capture_on_commit_callbacks(execute=True):
        services.evaluatie_besluiten(
            moment=moment, door=ambtenaar, conclusie="doorgaan", toelichting="Prima"
        )
    moment.refresh_from_db()
    moment.traject.refresh_from_db()
    assert moment.status == "afgerond"
    assert moment.traject.status == "evaluatie"
    volgend = (
        moment.traject.evaluatiemomenten.filter(status="gepland").order_by("gepland_op").first()
    )
    assert volgend.gepland_op == D(2027, 7, 1)
    ontvangers = sorted(m.to[0] for m in mail.outbox if "Besluit" in m.subject)
    assert ontvangers == sorted([initiatiefnemer.email, bevestigde_partner.gebruiker.email])
    with pytest.raises(services.EvaluatieFout, match="al afgerond"):
        services.evaluatie_besluiten(
            moment=moment, door=ambtenaar, conclusie="doorgaan", toelichting="x"
        )


def test_geweigerd_besluit_houdt_de_keuze(
    client, ambtenaar, moment, initiatiefnemer, bevestigde_partner, indicatoren
):
    """Refused by the service (no anchoring described yet): the chosen radio button and the
    text stay; with every part submitted the reason for missing parts is not asked."""
    _alle_bijdragen(moment, initiatiefnemer, bevestigde_partner, indicatoren)
    client.force_login(ambtenaar)
    pagina = client.get(_url("besluit", moment)).content.decode()
    assert 'name="ontbrekend_reden"' not in pagina
    antwoord = client.post(
        _url("besluit", moment), {"conclusie": "verankeren", "toelichting": "Blijvend regelen"}
    )
    assert antwoord.status_code == 409
    html = antwoord.content.decode()
    assert "Beschrijf eerst hoe de taak wordt verankerd." in html
    assert re.search(r'<input[^>]*value="verankeren"[^>]*checked', html)
    assert "Blijvend regelen</textarea>" in html


def test_verankeren_vraagt_verankering(
    ambtenaar, moment, initiatiefnemer, bevestigde_partner, indicatoren
):
    _alle_bijdragen(moment, initiatiefnemer, bevestigde_partner, indicatoren)
    with pytest.raises(services.EvaluatieFout) as fout:
        services.evaluatie_besluiten(
            moment=moment, door=ambtenaar, conclusie="verankeren", toelichting="x"
        )
    assert any("verankerd" in r for r in fout.value.redenen)
    moment.refresh_from_db()
    assert moment.status == "gepland"
    services.verankering_opslaan(
        traject=moment.traject,
        wijze="begroting",
        omschrijving="Vaste post",
        ingangsdatum=D(2028, 1, 1),
    )
    services.evaluatie_besluiten(
        moment=moment, door=ambtenaar, conclusie="verankeren", toelichting="Blijvend"
    )
    traject = moment.traject
    traject.refresh_from_db()
    assert traject.status == "verankerd"
    assert not traject.evaluatiemomenten.filter(status="gepland").exists()


def test_beeindigen_vraagt_compleet_exitplan(
    client, ambtenaar, moment, initiatiefnemer, bevestigde_partner, indicatoren
):
    _alle_bijdragen(moment, initiatiefnemer, bevestigde_partner, indicatoren)
    client.force_login(ambtenaar)
    client.post(
        reverse("evaluatie:exitplan", kwargs={"pk": moment.traject_id}),
        {"sleutels_terug": "on", "bezittingen_terug": "on", "gegevens_terug": "on"},
    )
    assert Exitplan.objects.get().compleet is False
    antwoord = client.post(
        _url("besluit", moment), {"conclusie": "beeindigen", "toelichting": "Stop"}
    )
    assert antwoord.status_code == 409
    assert "exitplan compleet" in antwoord.content.decode()
    client.post(
        reverse("evaluatie:exitplan", kwargs={"pk": moment.traject_id}),
        {
            "sleutels_terug": "on",
            "bezittingen_terug": "on",
            "gegevens_terug": "on",
            "afrekening_gedaan": "on",
            "afrekening_toelichting": "Terugbetaald",
        },
    )
    assert Exitplan.objects.get().afgerond_op is not None
    antwoord = client.post(
        _url("besluit", moment), {"conclusie": "beeindigen", "toelichting": "Stop"}
    )
    assert antwoord.status_code == 302
    moment.traject.refresh_from_db()
    assert moment.traject.status == "beeindigd"
    assert moment.traject.evaluatiemomenten.filter(status="vervallen").count() == 7


def test_bijsturen_terug_naar_route(
    ambtenaar, moment, initiatiefnemer, bevestigde_partner, indicatoren
):
    _alle_bijdragen(moment, initiatiefnemer, bevestigde_partner, indicatoren)
    services.evaluatie_besluiten(
        moment=moment, door=ambtenaar, conclusie="bijsturen", toelichting="Anders"
    )
    moment.traject.refresh_from_db()
    assert moment.traject.status == "route"


def test_vereisten_staan_in_het_register():
    from aanbesteden.fasen import fasen

    codes = {
        t: {v.code for v in fasen.vereisten(t)} for t in ("bijsturen", "verankeren", "beeindigen")
    }
    assert {"evaluatie_bijsturen"} <= codes["bijsturen"]
    assert {"evaluatie_verankeren", "verankering_beschreven"} <= codes["verankeren"]
    assert {"evaluatie_beeindigen", "exitplan_compleet"} <= codes["beeindigen"]


def test_verankeren_via_kernstap_zonder_besluit_geweigerd(eval_traject, ambtenaar):
    from aanbesteden.services import TransitieGeweigerd, traject_transitie

    Verankering.objects.create(
        traject=eval_traject, wijze="beleid", omschrijving="x", ingangsdatum=VANDAAG
    )
    with pytest.raises(TransitieGeweigerd) as fout:
        traject_transitie(
            traject=eval_traject, transitie="verankeren", door=ambtenaar, motivatie="x"
        )
    assert any("besluit: verankeren" in r for r in fout.value.redenen)


def test_verankering_slechte_invoer(client, ambtenaar, eval_traject):
    client.force_login(ambtenaar)
    url = reverse("evaluatie:verankering", kwargs={"pk": eval_traject.pk})
    antwoord = client.post(url, {"wijze": "zomaar", "omschrijving": "", "ingangsdatum": "morgen"})
    assert antwoord.status_code == 400
    assert not Verankering.objects.exists()


def test_extra_moment_en_verplaatsen_via_paginas(client, ambtenaar, eval_traject, moment):
    client.force_login(ambtenaar)
    url = reverse("evaluatie:moment_toevoegen", kwargs={"pk": eval_traject.pk})
    assert client.post(url, {"datum": "2027-05-05"}).status_code == 302
    assert eval_traject.evaluatiemomenten.filter(extra=True, gepland_op=D(2027, 5, 5)).exists()
    antwoord = client.post(url, {"datum": "2027-05-05"})  # double submit
    assert (
        antwoord.status_code == 409 and "staat al een evaluatiemoment" in antwoord.content.decode()
    )
    assert eval_traject.evaluatiemomenten.filter(gepland_op=D(2027, 5, 5)).count() == 1
    assert client.post(url, {"datum": "2020-01-01"}).status_code == 409
    assert client.post(url, {"datum": "abc"}).status_code == 400
    antwoord = client.post(_url("moment_verplaatsen", moment), {"datum": "2027-04-15", "reden": ""})
    assert antwoord.status_code == 400
    assert "Geef een reden" in antwoord.content.decode()
    assert (
        client.post(
            _url("moment_verplaatsen", moment), {"datum": "2027-04-15", "reden": "Pasen"}
        ).status_code
        == 302
    )
    moment.refresh_from_db()
    assert (moment.gepland_op, moment.oorspronkelijk_op) == (D(2027, 4, 15), D(2027, 4, 1))


def test_initiatief_mag_niet_verplaatsen(client, initiatiefnemer, moment):
    client.force_login(initiatiefnemer)
    antwoord = client.post(
        _url("moment_verplaatsen", moment), {"datum": "2027-04-15", "reden": "x"}
    )
    assert antwoord.status_code == 403


@pytest.mark.parametrize(
    ("taal", "waarde", "bedrag", "verwacht_waarde", "verwacht_bedrag"),
    [
        ("nl", "19.500", "1.234,5", Decimal("19500"), Decimal("1234.50")),
        ("en", "19,500", "1,234.5", Decimal("19500"), Decimal("1234.50")),
    ],
)
def test_metingen_en_bestedingen_in_de_schrijfwijze_van_de_taal(
    client,
    initiatiefnemer,
    moment,
    indicatoren,
    tranches,
    taal,
    waarde,
    bedrag,
    verwacht_waarde,
    verwacht_bedrag,
):
    initiatiefnemer.taal = taal
    initiatiefnemer.save(update_fields=["taal"])
    client.force_login(initiatiefnemer)
    data = _bijdrage_data(
        indicatoren,
        tranches,
        **{
            f"meting_{indicatoren[0].pk}_waarde": waarde,
            f"besteding_{tranches[0].pk}_bedrag": bedrag,
        },
    )
    assert client.post(_url("bijdrage", moment), data).status_code == 302
    assert Meting.objects.get(indicator=indicatoren[0]).waarde == verwacht_waarde
    bijdrage = EvaluatieBijdrage.objects.get(evaluatie__moment=moment)
    assert bijdrage.bestedingen.get(tranche=tranches[0]).bedrag == verwacht_bedrag
