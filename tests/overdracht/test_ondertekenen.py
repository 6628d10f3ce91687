"""Signing: who, when, from where, what was agreed to and which PDF; idempotent; a superseded
version cannot be signed; refusing sends the traject back to the route."""

from __future__ import annotations

import pytest
from django.core import mail

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from overdracht.constants import VersieStatus
from overdracht.models import Ondertekening
from overdracht.services import OvereenkomstFout, ondertekening_tekenen, ondertekening_weigeren

from .factories import alles_tekenen

pytestmark = pytest.mark.django_db


def _url(versie, *rest):
    return f"/trajecten/{versie.traject_id}/overeenkomst/{versie.nummer}/" + "".join(rest)


def _rij(versie, user):
    return versie.ondertekeningen.get(ondertekenaar=user)


def test_tekenaars_krijgen_een_tekenverzoek_in_hun_taal(
    versie, ambtenaar, partner, django_capture_on_commit_callbacks
):
    from overdracht.services import versie_vaststellen

    partner.taal = "en"
    partner.save(update_fields=["taal"])
    with django_capture_on_commit_callbacks(execute=True):
        versie_vaststellen(versie=versie, door=ambtenaar, gemeente_ondertekenaar=ambtenaar)
    verzoeken = {m.to[0]: m for m in mail.outbox if "/tekenen/" in m.body}
    assert len(verzoeken) == 4
    assert "signature" in verzoeken[partner.email].subject
    assert "handtekening" in verzoeken[ambtenaar.email].subject


def test_tekenen_via_de_pagina_legt_alles_vast(client, vastgesteld, partner):
    rij = _rij(vastgesteld, partner)
    client.force_login(partner)
    pagina = client.get(_url(vastgesteld, f"ondertekeningen/{rij.pk}/tekenen/"))
    assert pagina.status_code == 200
    assert vastgesteld.pdf_sha256 in pagina.content.decode()
    antwoord = client.post(
        _url(vastgesteld, f"ondertekeningen/{rij.pk}/tekenen/"),
        {
            "instemming": "on",
            "naam": f"  {rij.naam.upper()} ",
            "pdf_sha256": vastgesteld.pdf_sha256,
        },
        REMOTE_ADDR="198.51.100.7",
    )
    assert antwoord.status_code == 302
    rij.refresh_from_db()
    assert rij.getekend_op is not None
    assert rij.ip_adres == "198.51.100.7"
    assert rij.pdf_sha256 == vastgesteld.pdf_sha256
    assert vastgesteld.pdf_sha256 in rij.instemmingstekst
    assert rij.namens in rij.instemmingstekst


@pytest.mark.parametrize(
    "data, fout",
    [
        ({"naam": "X"}, "vinkje"),
        ({"instemming": "on", "naam": "Iemand Anders"}, "Typ uw naam"),
        ({"instemming": "on", "naam": None, "pdf_sha256": "0" * 64}, "veranderd"),
    ],
)
def test_tekenen_zonder_instemming_naam_of_met_ander_document_wordt_geweigerd(
    client, vastgesteld, partner, data, fout
):
    rij = _rij(vastgesteld, partner)
    data = {"pdf_sha256": vastgesteld.pdf_sha256, **data}
    if data["naam"] is None:
        data["naam"] = rij.naam
    client.force_login(partner)
    antwoord = client.post(_url(vastgesteld, f"ondertekeningen/{rij.pk}/tekenen/"), data)
    assert antwoord.status_code == 400
    assert fout in antwoord.content.decode()
    rij.refresh_from_db()
    assert rij.getekend_op is None


def test_twee_keer_klikken_geeft_een_handtekening(vastgesteld, partner):
    rij = _rij(vastgesteld, partner)
    kwargs = {
        "ondertekening_id": rij.pk,
        "door": partner,
        "ip_adres": "192.0.2.1",
        "getypte_naam": rij.naam,
        "pdf_sha256": vastgesteld.pdf_sha256,
    }
    eerste, nieuw1 = ondertekening_tekenen(**kwargs)
    tweede, nieuw2 = ondertekening_tekenen(**{**kwargs, "ip_adres": "192.0.2.99"})
    assert (nieuw1, nieuw2) == (True, False)
    assert tweede.getekend_op == eerste.getekend_op
    assert tweede.ip_adres == "192.0.2.1"
    assert Ondertekening.objects.filter(versie=vastgesteld, ondertekenaar=partner).count() == 1


def test_tweede_klik_op_de_pagina_zegt_al_getekend(client, vastgesteld, partner):
    rij = _rij(vastgesteld, partner)
    client.force_login(partner)
    data = {"instemming": "on", "naam": rij.naam, "pdf_sha256": vastgesteld.pdf_sha256}
    url = _url(vastgesteld, f"ondertekeningen/{rij.pk}/tekenen/")
    client.post(url, data)
    antwoord = client.post(url, data, follow=True)
    assert "al ondertekend" in antwoord.content.decode()
    assert Ondertekening.objects.filter(versie=vastgesteld, getekend_op__isnull=False).count() == 1


def test_alleen_de_eigen_ondertekenaar_kan_tekenen(client, vastgesteld, partner, tweede_partner):
    rij = _rij(vastgesteld, partner)
    with pytest.raises(OvereenkomstFout):
        ondertekening_tekenen(
            ondertekening_id=rij.pk,
            door=tweede_partner,
            ip_adres=None,
            getypte_naam=rij.naam,
            pdf_sha256=vastgesteld.pdf_sha256,
        )
    client.force_login(tweede_partner)
    url = _url(vastgesteld, f"ondertekeningen/{rij.pk}/tekenen/")
    assert client.get(url).status_code == 403
    data = {"instemming": "on", "naam": rij.naam, "pdf_sha256": vastgesteld.pdf_sha256}
    assert client.post(url, data).status_code == 403
    rij.refresh_from_db()
    assert rij.getekend_op is None


def test_ondertekening_van_een_ander_traject_is_niet_te_vinden(
    client, vastgesteld, partner, ander_traject
):
    rij = _rij(vastgesteld, partner)
    client.force_login(partner)
    url = f"/trajecten/{ander_traject.pk}/overeenkomst/1/ondertekeningen/{rij.pk}/tekenen/"
    assert client.get(url).status_code == 404


def test_handtekening_op_een_vervangen_versie_wordt_geweigerd(vastgesteld, partner, ambtenaar):
    from overdracht.services import versie_vervangen

    versie_vervangen(traject=vastgesteld.traject, reden="route aangepast")
    rij = _rij(vastgesteld, partner)
    with pytest.raises(OvereenkomstFout, match="vervangen"):
        ondertekening_tekenen(
            ondertekening_id=rij.pk,
            door=partner,
            ip_adres=None,
            getypte_naam=rij.naam,
            pdf_sha256=vastgesteld.pdf_sha256,
        )
    rij.refresh_from_db()
    assert rij.getekend_op is None


def test_weigeren_vervangt_de_versie_en_zet_het_traject_terug(
    client, vastgesteld, partner, django_capture_on_commit_callbacks
):
    rij = _rij(vastgesteld, partner)
    client.force_login(partner)
    url = _url(vastgesteld, f"ondertekeningen/{rij.pk}/weigeren/")
    assert client.post(url, {"reden": ""}).status_code == 400
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(url, {"reden": "De tranches zijn te laat."})
    # One mail per person for the refusal (the step back to the route tells nobody again),
    # none to who refused.
    ontvangers = [adres for m in mail.outbox for adres in m.to]
    assert ontvangers and len(ontvangers) == len(set(ontvangers))
    assert partner.email not in ontvangers
    assert all("te laat" in m.body for m in mail.outbox)
    assert antwoord.status_code == 302
    vastgesteld.refresh_from_db()
    rij.refresh_from_db()
    assert rij.geweigerd_op is not None and rij.weigerreden == "De tranches zijn te laat."
    assert vastgesteld.status == VersieStatus.VERVANGEN
    assert "te laat" in vastgesteld.vervangen_reden
    traject = Traject.objects.get(pk=vastgesteld.traject_id)
    assert traject.status == TrajectStatus.ROUTE
    assert any("niet" in m.subject.lower() for m in mail.outbox)


def test_nieuwe_versie_na_terugkeer_toont_wat_veranderde(
    client, vastgesteld, partner, ambtenaar, vereisten_register
):
    from aanbesteden.services import traject_transitie
    from coalities.models import Mijlpaal

    ondertekening_weigeren(
        ondertekening_id=_rij(vastgesteld, partner).pk, door=partner, reden="Datum klopt niet"
    )
    traject = Traject.objects.get(pk=vastgesteld.traject_id)
    Mijlpaal.objects.filter(traject=traject, titel__startswith="Mijlpaal 1").update(
        titel="Mijlpaal 1: plantvakken later"
    )
    vereisten_register.vereisten_weglaten("naar_overdracht")
    traject_transitie(traject=traject, transitie="naar_overdracht", door=ambtenaar)
    nieuw = traject.overeenkomstversies.get(nummer=2)
    assert nieuw.status == VersieStatus.CONCEPT
    assert nieuw.taak_gemeente == vastgesteld.taak_gemeente
    client.force_login(ambtenaar)
    pagina = client.get(f"/trajecten/{traject.pk}/overeenkomst/2/").content.decode()
    assert "Wat veranderde ten opzichte van versie 1" in pagina
    assert "Mijlpaal 1: plantvakken later" in pagina
    assert "Mijlpaal 1: plantvakken fase 1" in pagina


def test_laatste_handtekening_verzegelt_en_zet_door_naar_evaluatie(
    vastgesteld, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        alles_tekenen(vastgesteld)
    vastgesteld.refresh_from_db()
    assert vastgesteld.status == VersieStatus.VERZEGELD
    assert vastgesteld.verzegeld_sha256 and vastgesteld.verzegeld_pdf
    traject = Traject.objects.get(pk=vastgesteld.traject_id)
    assert traject.status == TrajectStatus.EVALUATIE
    met_bijlage = [m for m in mail.outbox if m.attachments]
    assert len(met_bijlage) >= 4
    naam, inhoud, mime = met_bijlage[0].attachments[0]
    assert mime == "application/pdf" and inhoud.startswith(b"%PDF-")
    # The sealed PDF is mailed once per recipient (the core does not mail it again).
    ontvangers = [m.to[0] for m in mail.outbox if "verzegelde" in m.subject.lower()]
    assert len(ontvangers) == len(set(ontvangers))
