"""Everyone signs with their own name, never with an e-mail address: the name kept with the
account, else the proposal's contact person with the same address, else asked once on the
signing page and kept. The sealed PDF names each signatory and the organisation they sign for,
and holds no e-mail address at all (checked by parsing the PDF)."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from aanbesteden.models import User
from initiatieven.models import Contactpersoon
from overdracht.services import OvereenkomstFout, ondertekening_tekenen

from .factories import alles_tekenen

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def _tekst(veld) -> str:
    with veld.open("rb") as f:
        lezer = PdfReader(BytesIO(f.read()))
    return " ".join(" ".join(p.extract_text() for p in lezer.pages).split())


@pytest.fixture
def naamlozen(traject, partner, initiatiefnemer):
    """The initiative's account and a partner's account without a name: the initiative's
    contact person has the initiative's address; the partner's contact person is unknown."""
    User.objects.filter(pk__in=[initiatiefnemer.pk, partner.pk]).update(naam="")
    return initiatiefnemer, partner


def test_naam_komt_uit_account_contactpersoon_of_wordt_gevraagd(
    naamlozen, overdracht_traject, versie, ambtenaar, django_capture_on_commit_callbacks
):
    from coalities.models import Partner
    from overdracht.services import versie_vaststellen

    initiatiefnemer, partner = naamlozen
    Contactpersoon.objects.create(
        initiatief=overdracht_traject.voorstel.initiatief,
        naam="Fatima El Amrani",
        email=initiatiefnemer.email.upper(),
        is_vertegenwoordiger=True,
    )
    Partner.objects.filter(gebruiker=partner).update(contactpersoon="")
    with django_capture_on_commit_callbacks(execute=True):
        versie_vaststellen(versie=versie, door=ambtenaar, gemeente_ondertekenaar=ambtenaar)
    namen = dict(versie.ondertekeningen.values_list("ondertekenaar", "naam"))
    assert namen[initiatiefnemer.pk] == "Fatima El Amrani"
    assert namen[partner.pk] == ""  # asked on the signing page
    assert namen[ambtenaar.pk] == ambtenaar.naam
    assert not any("@" in n for n in namen.values())


def test_zonder_naam_vraagt_de_pagina_hem_en_bewaart_hem_bij_het_account(
    client, naamlozen, vastgesteld
):
    _initiatiefnemer, partner = naamlozen
    rij = vastgesteld.ondertekeningen.get(ondertekenaar=partner)
    # Nobody named this partner (as in the test above): the row has no name yet.
    vastgesteld.ondertekeningen.filter(pk=rij.pk).update(naam="")
    url = reverse(
        "overdracht:tekenen",
        kwargs={"pk": vastgesteld.traject_id, "nummer": vastgesteld.nummer, "id": rij.pk},
    )
    client.force_login(partner)
    pagina = client.get(url).content.decode()
    assert "Uw voor- en achternaam" in pagina
    assert partner.email not in pagina

    data = {"instemming": "on", "pdf_sha256": vastgesteld.pdf_sha256}
    geweigerd = client.post(url, {**data, "naam": partner.email})
    assert geweigerd.status_code == 400
    assert "niet uw e-mailadres" in geweigerd.content.decode()
    rij.refresh_from_db()
    assert rij.getekend_op is None

    client.post(url, {**data, "naam": "  Joost   van Dijk "})
    rij.refresh_from_db()
    partner.refresh_from_db()
    assert rij.getekend_op is not None
    assert rij.naam == "Joost van Dijk"
    assert partner.naam == "Joost van Dijk"


def test_een_bekende_naam_moet_worden_getypt_zoals_hij_is(vastgesteld, partner):
    rij = vastgesteld.ondertekeningen.get(ondertekenaar=partner)
    with pytest.raises(OvereenkomstFout, match="precies zoals hierboven"):
        ondertekening_tekenen(
            ondertekening_id=rij.pk,
            door=partner,
            ip_adres=None,
            getypte_naam=partner.email,
            pdf_sha256=vastgesteld.pdf_sha256,
        )


def test_verzegelde_pdf_noemt_namen_en_organisaties_zonder_e_mailadres(
    vastgesteld, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        alles_tekenen(vastgesteld)
    vastgesteld.refresh_from_db()
    assert vastgesteld.verzegeld_pdf
    for veld in (vastgesteld.pdf, vastgesteld.verzegeld_pdf):
        tekst = _tekst(veld)
        assert EMAIL.findall(tekst) == []
        for o in vastgesteld.ondertekeningen.select_related("ondertekenaar"):
            assert o.ondertekenaar.email not in tekst
    # Compared without spaces: a table cell may break a long name over two lines.
    tekst = _tekst(vastgesteld.verzegeld_pdf)
    zonder_spaties = "".join(tekst.split())
    for o in vastgesteld.ondertekeningen.all():
        assert o.naam and "".join(o.naam.split()) in zonder_spaties
        assert "".join(o.namens.split()) in zonder_spaties
    assert "Stichting Groen Voorstad" in tekst
    assert "Gemeente A" in tekst
