"""The agreement through its pages: the unsigned PDF for officials and signatories only (not
for a member of the initiative who does not sign), the sealed PDF for everyone with a role,
officials draw up and fix a version, beheerders manage the clause library, the panel shows no
draft to partners. (Who may open which page is in the roles × pages table, tests/toegang.)"""

from __future__ import annotations

import pytest

from aanbesteden.constants import LidmaatschapRol
from tests.factories import GemeenteFactory, UserFactory, ambtenaar_van

pytestmark = pytest.mark.django_db


def _url(versie, rest=""):
    return f"/trajecten/{versie.traject_id}/overeenkomst/{versie.nummer}/{rest}"


@pytest.fixture
def buitenstaander(db):
    return UserFactory(email="buiten@example.org")


def _status(client, user, url, methode="get", data=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, methode)(url, data or {}).status_code


def test_ongetekende_pdf_alleen_voor_ambtenaar_en_ondertekenaars(
    client, rollen, vastgesteld, buitenstaander
):
    from aanbesteden.permissions import rol_toekennen

    lid = UserFactory(email="lid@example.org")
    rol_toekennen(traject=vastgesteld.traject, user=lid, rol="initiatiefnemer")
    url = _url(vastgesteld, "pdf/")
    assert _status(client, rollen["ambtenaar"], url) == 200
    assert _status(client, rollen["initiatiefnemer"], url) == 200  # signs for the initiative
    assert _status(client, rollen["partner"], url) == 200
    assert _status(client, lid, url) == 403  # a member with a role, but no signatory
    assert _status(client, rollen["ambtenaar_andere_gemeente"], url) == 404
    assert _status(client, rollen["initiatiefnemer_ander_traject"], url) == 404
    assert _status(client, buitenstaander, url) == 404
    assert _status(client, rollen["ambtenaar"], _url(vastgesteld, "verzegeld.pdf")) == 404


def test_verzegelde_pdf_voor_iedereen_met_een_rol(client, rollen, verzegeld, buitenstaander):
    from aanbesteden.permissions import rol_toekennen

    lid = UserFactory(email="lid@example.org")
    rol_toekennen(traject=verzegeld.traject, user=lid, rol="initiatiefnemer")
    url = _url(verzegeld, "verzegeld.pdf")
    for user in [rollen["ambtenaar"], rollen["partner"], lid]:
        client.force_login(user)
        antwoord = client.get(url)
        assert antwoord.status_code == 200
        assert antwoord["Content-Type"] == "application/pdf"
        assert b"".join(antwoord.streaming_content).startswith(b"%PDF-")
    assert _status(client, rollen["ambtenaar_andere_gemeente"], url) == 404
    assert _status(client, buitenstaander, url) == 404


def test_ambtenaar_stelt_op_en_vast_via_de_paginas(
    client, versie, ambtenaar, django_capture_on_commit_callbacks
):
    from overdracht.models import Clausule

    bron = Clausule.objects.create(
        gemeente=versie.traject.gemeente, soort="algemeen", titel="Privacy", tekst="AVG geldt."
    )
    andere = Clausule.objects.create(
        gemeente=GemeenteFactory(),
        soort="algemeen",
        titel="Vreemd",
        tekst="x",
    )
    client.force_login(ambtenaar)
    # A clause of another gemeente is not on offer (tampered choice).
    assert client.post(_url(versie, "clausules/nieuw/"), {"bron": andere.pk}).status_code == 400
    assert client.post(_url(versie, "clausules/nieuw/"), {"bron": bron.pk}).status_code == 302
    assert (
        client.post(
            _url(versie, "clausules/nieuw/"), {"titel": "Eigen", "tekst": "Eigen tekst"}
        ).status_code
        == 302
    )
    eigen = versie.clausules.get(titel="Eigen")
    assert (
        client.post(
            _url(versie, f"clausules/{eigen.pk}/"), {"titel": "Eigen 2", "tekst": "Nieuw"}
        ).status_code
        == 302
    )
    assert client.get(_url(versie, f"clausules/{eigen.pk}/verwijderen/")).status_code == 405
    assert client.post(_url(versie, f"clausules/{eigen.pk}/verwijderen/")).status_code == 302
    assert list(versie.clausules.values_list("titel", flat=True)) == ["Privacy"]

    data = {
        "startdatum": "2027-01-01",
        "looptijd_maanden": "0",
        "evaluatie_frequentie": "jaar",
        "eerste_evaluatie": "2026-01-01",
        "taak_gemeente": "Toezicht",
        "exitplan": "Terug",
    }
    assert client.post(_url(versie, "wijzigen/"), data).status_code == 400
    data.update(looptijd_maanden="36", eerste_evaluatie="2028-01-01")
    assert client.post(_url(versie, "wijzigen/"), data).status_code == 302
    versie.refresh_from_db()
    assert versie.looptijd_maanden == 36 and versie.exitplan == "Terug"

    assert client.post(_url(versie, "vaststellen/"), {"ondertekenaar": "999999"}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(_url(versie, "vaststellen/"), {"ondertekenaar": ambtenaar.pk})
    assert antwoord.status_code == 302
    versie.refresh_from_db()
    assert versie.status == "vastgesteld" and versie.pdf_status == "klaar"
    assert versie.inhoud["exitplan"] == "Terug"
    # Fixed: no more changes.
    assert (
        client.post(
            _url(versie, "clausules/nieuw/"), {"titel": "Laat", "tekst": "Te laat"}
        ).status_code
        == 400
    )
    assert not versie.clausules.filter(titel="Laat").exists()


def test_clausulebibliotheek_alleen_beheerder_wijzigt(client, gemeente, ambtenaar, ambtenaar_b):
    beheerder = ambtenaar_van(gemeente, rol=LidmaatschapRol.BEHEERDER, email="beheer@a.example.org")
    basis = f"/gemeenten/{gemeente.slug}/clausules/"
    assert _status(client, ambtenaar, basis) == 200
    assert _status(client, ambtenaar, basis + "nieuw/") == 403
    assert _status(client, ambtenaar_b, basis) == 404
    data = {"soort": "beheer", "titel": "Onderhoud", "tekst": "Wekelijks maaien.", "actief": "on"}
    assert _status(client, ambtenaar, basis + "nieuw/", "post", data) == 403
    assert _status(client, beheerder, basis + "nieuw/", "post", {"soort": "x"}) == 400
    assert _status(client, beheerder, basis + "nieuw/", "post", data) == 302
    from overdracht.models import Clausule

    clausule = Clausule.objects.get(gemeente=gemeente, titel="Onderhoud")
    assert _status(client, beheerder, f"{basis}{clausule.pk}/") == 200
    andere = f"/gemeenten/{ambtenaar_b.lidmaatschappen.get().gemeente.slug}/clausules/"
    assert _status(client, beheerder, f"{andere}{clausule.pk}/") == 404


def test_paneel_toont_de_overeenkomst_zonder_concept_te_lekken(
    client, rollen, versie, ambtenaar, django_capture_on_commit_callbacks
):
    from overdracht.services import versie_vaststellen

    traject_url = f"/trajecten/{versie.traject_id}/"
    versie_url = _url(versie)
    client.force_login(rollen["ambtenaar"])
    assert versie_url in client.get(traject_url).content.decode()
    client.force_login(rollen["partner"])
    assert versie_url not in client.get(traject_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        versie_vaststellen(versie=versie, door=ambtenaar, gemeente_ondertekenaar=ambtenaar)
    pagina = client.get(traject_url).content.decode()
    assert "Lees en teken namens" in pagina
    assert _url(versie, "pdf/") in pagina


def test_ambtenaar_stelt_een_ontbrekende_overeenkomst_op(
    client, rollen, traject, partner, tweede_partner
):
    from overdracht.models import OvereenkomstVersie

    from .factories import traject_in_overdracht

    t = traject_in_overdracht(traject, partner_gebruikers=[partner, tweede_partner])
    url = f"/trajecten/{t.pk}/overeenkomst/opstellen/"
    client.force_login(rollen["ambtenaar"])
    assert url in client.get(f"/trajecten/{t.pk}/").content.decode()
    assert client.get(url).status_code == 405
    assert _status(client, rollen["partner"], url, "post") == 403
    assert _status(client, rollen["ambtenaar_andere_gemeente"], url, "post") == 404
    assert not OvereenkomstVersie.objects.filter(traject=t).exists()
    assert _status(client, rollen["ambtenaar"], url, "post") == 302
    assert _status(client, rollen["ambtenaar"], url, "post") == 302  # twice: still one version
    assert OvereenkomstVersie.objects.filter(traject=t).count() == 1
