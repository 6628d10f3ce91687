"""The Traject state machine: every transition × every role, illegal moves, requirements."""

import pytest
from django.urls import reverse
from django_fsm_log.models import StateLog

from aanbesteden.constants import TrajectStatus as S
from aanbesteden.models import Traject
from aanbesteden.services import TransitieGeweigerd, traject_transitie
from aanbesteden.transities import TRANSITIES

ROLLEN = [
    "ambtenaar",
    "ambtenaar_andere_gemeente",
    "initiatiefnemer",
    "partner",
    "initiatiefnemer_ander_traject",
    "partner_ander_traject",
]

#: transition -> (source states, target, roles that may fire it)
TABEL = {
    "indienen": ([S.CONCEPT], S.INGEDIEND, {"initiatiefnemer"}),
    "toelaten": ([S.INGEDIEND], S.HORIZON, {"ambtenaar"}),
    "afwijzen": ([S.INGEDIEND], S.AFGEWEZEN, {"ambtenaar"}),
    "naar_coalitie": ([S.HORIZON], S.COALITIE, {"ambtenaar", "initiatiefnemer"}),
    "terug_naar_horizon": ([S.COALITIE], S.HORIZON, {"ambtenaar", "initiatiefnemer"}),
    "naar_route": ([S.COALITIE], S.ROUTE, {"ambtenaar", "initiatiefnemer"}),
    "terug_naar_coalitie": ([S.ROUTE], S.COALITIE, {"ambtenaar", "initiatiefnemer"}),
    "naar_overdracht": ([S.ROUTE], S.OVERDRACHT, {"ambtenaar"}),
    "terug_naar_route": ([S.OVERDRACHT], S.ROUTE, {"ambtenaar", "initiatiefnemer"}),
    "naar_evaluatie": ([S.OVERDRACHT], S.EVALUATIE, {"ambtenaar"}),
    "bijsturen": ([S.EVALUATIE], S.ROUTE, {"ambtenaar"}),
    "verankeren": ([S.EVALUATIE], S.VERANKERD, {"ambtenaar"}),
    "beeindigen": ([S.EVALUATIE], S.BEEINDIGD, {"ambtenaar"}),
    "intrekken": (
        [S.CONCEPT, S.INGEDIEND, S.HORIZON, S.COALITIE, S.ROUTE, S.OVERDRACHT],
        S.INGETROKKEN,
        {"ambtenaar", "initiatiefnemer"},
    ),
}


def test_tabel_dekt_elke_transitie():
    assert set(TABEL) == set(TRANSITIES)
    bronnen: dict[str, set[str]] = {}
    for t in Traject().get_all_status_transitions():
        bronnen.setdefault(t.name, set()).add(t.source)
    for naam, (van, _naar, _rollen) in TABEL.items():
        assert bronnen[naam] == set(van)


def _in_status(traject, status):
    Traject.objects.filter(pk=traject.pk).update(status=status)
    return Traject.objects.get(pk=traject.pk)


LEGAAL = [
    (t, bron, rol) for t, (bronnen, _n, _r) in TABEL.items() for bron in bronnen for rol in ROLLEN
]


@pytest.mark.django_db
@pytest.mark.parametrize(("transitie", "bron", "rol"), LEGAAL)
def test_transitie_per_rol(geen_vereisten, traject, rollen, transitie, bron, rol):
    _bronnen, doel, toegestaan = TABEL[transitie]
    traject = _in_status(traject, bron)
    gebruiker = rollen[rol]
    if rol in toegestaan:
        traject_transitie(
            traject=traject, transitie=transitie, door=gebruiker, motivatie="Omdat het kan."
        )
        traject = Traject.objects.get(pk=traject.pk)
        assert traject.status == doel
        log = StateLog.objects.for_(traject).get()
        assert (log.source_state, log.state, log.by, log.description) == (
            bron,
            doel,
            gebruiker,
            "Omdat het kan.",
        )
        assert log.transition == transitie
    else:
        with pytest.raises(TransitieGeweigerd) as exc:
            traject_transitie(
                traject=traject, transitie=transitie, door=gebruiker, motivatie="Poging."
            )
        assert exc.value.verboden
        assert str(exc.value)
        assert Traject.objects.get(pk=traject.pk).status == bron
        assert not StateLog.objects.for_(traject).exists()


ILLEGAAL = [(t, s) for t, (bronnen, _n, _r) in TABEL.items() for s in S.values if s not in bronnen]


@pytest.mark.django_db
@pytest.mark.parametrize(("transitie", "status"), ILLEGAAL)
def test_illegale_transitie_verandert_niets(
    geen_vereisten, traject, ambtenaar, initiatiefnemer, transitie, status
):
    traject = _in_status(traject, status)
    for door in (ambtenaar, initiatiefnemer):
        with pytest.raises(TransitieGeweigerd, match="kan niet vanuit"):
            traject_transitie(traject=traject, transitie=transitie, door=door, motivatie="x")
    assert Traject.objects.get(pk=traject.pk).status == status
    assert not StateLog.objects.for_(traject).exists()


@pytest.mark.django_db
def test_onbekende_transitie_geweigerd(geen_vereisten, traject, ambtenaar):
    with pytest.raises(TransitieGeweigerd, match="bestaat niet"):
        traject_transitie(traject=traject, transitie="save", door=ambtenaar)


@pytest.mark.django_db
def test_motivatie_verplicht_bij_besluit(geen_vereisten, traject, ambtenaar):
    traject = _in_status(traject, S.INGEDIEND)
    with pytest.raises(TransitieGeweigerd, match="motivatie"):
        traject_transitie(traject=traject, transitie="afwijzen", door=ambtenaar, motivatie="  ")
    assert Traject.objects.get(pk=traject.pk).status == S.INGEDIEND


@pytest.mark.django_db
def test_status_is_beschermd(traject):
    with pytest.raises(AttributeError):
        traject.status = S.VERANKERD


@pytest.mark.django_db
def test_vereisten_uit_register_houden_stap_tegen(geen_vereisten, traject, initiatiefnemer, client):
    gevuld = {"ja": False}

    @geen_vereisten.vereiste("indienen", "test_omschrijving", "Vul een omschrijving in.")
    def _heeft_omschrijving(t):
        return gevuld["ja"]

    with pytest.raises(TransitieGeweigerd) as exc:
        traject_transitie(traject=traject, transitie="indienen", door=initiatiefnemer)
    assert exc.value.redenen == ["Vul een omschrijving in."]
    assert Traject.objects.get(pk=traject.pk).status == S.CONCEPT

    client.force_login(initiatiefnemer)
    pagina = client.get(traject.get_absolute_url())
    assert "Vul een omschrijving in." in pagina.content.decode()
    antwoord = client.post(
        reverse("aanbesteden:transitie", kwargs={"pk": traject.pk, "transitie": "indienen"}),
        {"status": S.CONCEPT, "motivatie": ""},
    )
    assert antwoord.status_code == 409
    assert "Vul een omschrijving in." in antwoord.content.decode()

    gevuld["ja"] = True
    traject_transitie(
        traject=Traject.objects.get(pk=traject.pk), transitie="indienen", door=initiatiefnemer
    )
    assert Traject.objects.get(pk=traject.pk).status == S.INGEDIEND


@pytest.mark.django_db
def test_gevolgen_lopen_in_dezelfde_transactie(geen_vereisten, traject, initiatiefnemer):
    @geen_vereisten.na_transitie("indienen")
    def _faalt(**kwargs):
        raise RuntimeError("kapot")

    with pytest.raises(RuntimeError):
        traject_transitie(traject=traject, transitie="indienen", door=initiatiefnemer)
    assert Traject.objects.get(pk=traject.pk).status == S.CONCEPT
    assert not StateLog.objects.for_(traject).exists()


@pytest.mark.django_db
class TestTransitieViaPagina:
    def url(self, traject, transitie):
        return reverse("aanbesteden:transitie", kwargs={"pk": traject.pk, "transitie": transitie})

    def test_knoppen_alleen_voor_wat_mag(
        self, geen_vereisten, client, traject, ambtenaar, initiatiefnemer, partner
    ):
        traject = _in_status(traject, S.INGEDIEND)
        client.force_login(ambtenaar)
        html = client.get(traject.get_absolute_url()).content.decode()
        assert self.url(traject, "toelaten") in html
        assert self.url(traject, "afwijzen") in html
        client.force_login(partner)
        html = client.get(traject.get_absolute_url()).content.decode()
        assert self.url(traject, "toelaten") not in html

    def test_toelaten_met_motivatie(self, geen_vereisten, client, traject, ambtenaar):
        traject = _in_status(traject, S.INGEDIEND)
        client.force_login(ambtenaar)
        assert client.get(self.url(traject, "toelaten")).status_code == 200
        leeg = client.post(self.url(traject, "toelaten"), {"status": S.INGEDIEND})
        assert leeg.status_code == 400
        assert "Geef een motivatie" in leeg.content.decode()
        antwoord = client.post(
            self.url(traject, "toelaten"),
            {"status": S.INGEDIEND, "motivatie": "Past bij de opgave."},
        )
        assert antwoord.status_code == 302
        assert Traject.objects.get(pk=traject.pk).status == S.HORIZON

    def test_vervalst_verzoek_partner(self, geen_vereisten, client, traject, partner):
        traject = _in_status(traject, S.INGEDIEND)
        client.force_login(partner)
        antwoord = client.post(
            self.url(traject, "toelaten"), {"status": S.INGEDIEND, "motivatie": "ik mag dit toch?"}
        )
        assert antwoord.status_code == 403
        assert Traject.objects.get(pk=traject.pk).status == S.INGEDIEND

    def test_illegale_stap_via_post(self, geen_vereisten, client, traject, ambtenaar):
        client.force_login(ambtenaar)
        antwoord = client.post(
            self.url(traject, "verankeren"), {"status": S.CONCEPT, "motivatie": "snel"}
        )
        assert antwoord.status_code == 409
        assert "kan niet vanuit" in antwoord.content.decode()
        assert Traject.objects.get(pk=traject.pk).status == S.CONCEPT

    def test_onbekende_stap_en_gemanipuleerde_status(
        self, geen_vereisten, client, traject, initiatiefnemer
    ):
        client.force_login(initiatiefnemer)
        assert client.post(self.url(traject, "save"), {"status": "concept"}).status_code == 403
        fout = client.post(self.url(traject, "indienen"), {"status": "onzin"})
        assert fout.status_code == 400
        verouderd = client.post(self.url(traject, "indienen"), {"status": S.HORIZON})
        assert verouderd.status_code == 409
        assert Traject.objects.get(pk=traject.pk).status == S.CONCEPT

    def test_verkeerde_methode(self, client, traject, initiatiefnemer):
        client.force_login(initiatiefnemer)
        assert client.put(self.url(traject, "indienen")).status_code == 405


@pytest.mark.django_db
def test_gedeelde_objecten_eenmaal_per_evaluatie(geen_vereisten, traject):
    gelezen = []

    def lees():
        gelezen.append(1)
        return "voorstel"

    for code in ("a", "b", "c"):
        geen_vereisten.vereiste("indienen", code, code)(
            lambda t: geen_vereisten.gedeeld(("v", t.pk), lees) == "voorstel"
        )
    assert geen_vereisten.onvervuld(traject, "indienen") == []
    assert len(gelezen) == 1
    # Outside an evaluation nothing is kept: a later check reads afresh.
    geen_vereisten.gedeeld(("v", traject.pk), lees)
    geen_vereisten.onvervuld(traject, "indienen")
    assert len(gelezen) == 3


@pytest.mark.django_db(transaction=True)
def test_eigen_melding_vervangt_algemene_fasemail(geen_vereisten, traject, initiatiefnemer):
    from django.core import mail

    traject_transitie(traject=traject, transitie="indienen", door=initiatiefnemer)
    algemeen = len(mail.outbox)
    assert algemeen > 0  # the officials hear of the new phase

    geen_vereisten.eigen_melding("toelaten")
    traject = Traject.objects.get(pk=traject.pk)
    ambtenaar = traject.gemeente.lidmaatschappen.get().gebruiker
    traject_transitie(traject=traject, transitie="toelaten", door=ambtenaar, motivatie="Goed.")
    assert len(mail.outbox) == algemeen  # the phase app sends its own message instead
